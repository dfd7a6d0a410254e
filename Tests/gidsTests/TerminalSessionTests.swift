import Foundation
import Testing

@Suite struct TerminalSessionTests {
    @Test("in a real terminal a person answers the three questions, gets the crisis answer and leaves with Ctrl-D")
    func pseudoTerminal() throws {
        let (status, text) = try python([
            repositoryRoot.appendingPathComponent("Tests/EndToEnd/chat_in_terminal.py").path, gidsBinary.path,
        ])
        #expect(
            status == 0,
            "\(text)\n(the end-to-end test needs python3 with pexpect: pip install pexpect; .ci/run installs it)")
        print(text, terminator: "")
    }

    @Test("in a real terminal a trainee practises a scenario, gets feedback on each move, and a debrief after 'stop'")
    func practiceInTerminal() throws {
        let (status, text) = try python([
            repositoryRoot.appendingPathComponent("Tests/EndToEnd/practice_in_terminal.py").path, gidsBinary.path,
        ])
        #expect(
            status == 0,
            "\(text)\n(the end-to-end test needs python3 with pexpect: pip install pexpect; .ci/run installs it)")
        print(text, terminator: "")
    }

    @Test("a closed output ends gids quietly instead of crashing it")
    func closedOutput() throws {
        let process = Process()
        process.executableURL = gidsBinary
        process.arguments = ["chat", "--lang", "nl", "--region", "nl"]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try output.fileHandleForReading.close()
        try process.run()
        input.fileHandleForWriting.write(Data("1\nEen dag\nmoe\nja\n".utf8))
        try input.fileHandleForWriting.close()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        #expect(errorText.isEmpty)
    }
}
