import Foundation
import Testing

/// The example chat-room bridge reads events from standard input: a bad line there must not
/// end the bridge, nor gids serve behind it (issue 28 found it died on one malformed event).
@Suite struct ExampleBridgeTests {
    @Test("the Python example bridge skips and counts lines that are not events, and answers the rest")
    func badLinesAreSkipped() throws {
        let bridge = try ServeProcess(
            executable: URL(fileURLWithPath: "/usr/bin/env"),
            arguments: [
                "python3", repositoryRoot.appendingPathComponent("Examples/bridges/chat_room_bridge.py").path, "--gids",
                gidsBinary.path, "--", "--store", ":memory:", "--lang", "nl", "--region", "nl",
            ])
        let event = #"{"room":"!ic:example.org","sender":"@anna:example.org","body":"hoi"}"#
        bridge.send(["{not json", "[1]", #"{"room":"!ic:example.org"}"#])
        bridge.sendRaw(Data([0xFF, 0xFE, 0x0A]))
        bridge.send([event])
        #expect(bridge.readLine()?.contains("Ik ben gids") == true)
        try bridge.closeInput()
        let exit = bridge.waitForExit()
        #expect(exit.status == 0)
        #expect(exit.errors.contains("line 1 skipped: not JSON"), "\(exit.errors)")
        #expect(exit.errors.contains("line 2 skipped: not a JSON object"))
        #expect(exit.errors.contains("line 3 skipped: 'sender' is missing or not text"))
        #expect(exit.errors.contains("line 4 skipped: not UTF-8 (4 skipped so far)"))
    }
}
