import Foundation
import Testing

@Suite struct TerminalSessionTests {
    /// Runs an end-to-end script of Tests/EndToEnd, which drives gids in a pseudo-terminal.
    private func endToEnd(_ script: String) throws {
        let (status, text) = try python([
            repositoryRoot.appendingPathComponent("Tests/EndToEnd/\(script)").path, gidsBinary.path,
        ])
        #expect(status == 0, "\(text)")
        print(text, terminator: "")
    }

    @Test("in a real terminal a person answers the three questions, gets the crisis answer and leaves with Ctrl-D")
    func pseudoTerminal() throws {
        try endToEnd("chat_in_terminal.py")
    }

    @Test("in a real terminal a trainee practises a scenario, gets feedback on each move, and a debrief after 'stop'")
    func practiceInTerminal() throws {
        try endToEnd("practice_in_terminal.py")
    }

    @Test("Ctrl-C in a real terminal stops gids at once and still writes the transcript asked for with --record")
    func interruptedRecording() throws {
        try endToEnd("record_interrupted.py")
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
