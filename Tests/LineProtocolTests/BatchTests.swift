import Foundation
import Testing

/// Lines that arrive together are answered session by session, the sessions side by side on
/// all cores; nothing about that may show in what a bridge reads.
@Suite struct BatchTests {
    /// 200 sessions talking at once, turn by turn, with lines for the server, a start in
    /// another language, repeated lines, forgotten sessions and unreadable lines in between.
    static var lines: [String] {
        let scripts = [
            ["hoi", "1", "Een lange nachtdienst", "moe", "gedeeltelijk", "2"],
            ["hoi", "3", "2", "1", "4", "2"],
            ["hoi", "ik denk aan zelfmoord", "1", "1", "1", "Het ging wel"],
            ["hoi", "2", "1", "gisteren", "1", "ja"],
        ]
        var lines: [String] = []
        for turn in 0..<6 {
            for session in 0..<200 {
                let text = scripts[session % scripts.count][turn]
                lines.append(#"{"session":"s\#(session)","text":"\#(text)","id":"\#(session)-\#(turn)"}"#)
                if session % 40 == 0 { lines.append(lines[lines.count - 1]) }  // the same line again
                if session % 30 == 0, turn == 2 {
                    lines.append(#"{"type":"start","session":"s\#(session)","lang":"en","region":"be"}"#)
                }
                if session % 25 == 0, turn == 3 { lines.append(#"{"type":"forget","session":"s\#(session)"}"#) }
                if session % 50 == 0 { lines.append(#"{"type":"ping","id":\#(lines.count)}"#) }
                if session % 45 == 0 { lines.append(#"{"session":"s\#(session)","text":42}"#) }
                if session % 70 == 0 { lines.append("{niet json") }
            }
        }
        lines.append(#"{"type":"due"}"#)
        return lines
    }

    @Test("a batch of 200 sessions is answered exactly as the same lines sent one at a time")
    func batchEqualsOneAtATime() throws {
        let lines = Self.lines
        let together = try ServerHarness()
        let alone = try ServerHarness()
        let batchOutput = together.send(lines)
        let singleOutput = lines.flatMap { alone.send($0) }
        #expect(batchOutput.count == lines.count)
        #expect(batchOutput == singleOutput)
        for session in 0..<200 {
            #expect(try together.storedState(of: "s\(session)") == alone.storedState(of: "s\(session)"), "s\(session)")
        }
    }
}
