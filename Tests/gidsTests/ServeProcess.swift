import Foundation

/// `gids serve` (or a bridge in front of it) running as a real process, fed and read line
/// by line. (Writing and reading may happen on two threads: the pipes are independent.)
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errors = Pipe()
    private var buffer = Data()
    private var errorBuffer = Data()

    /// Any program that reads and writes lines, such as a bridge that runs gids serve itself.
    /// `nonBlockingOutput`: its standard output is a non-blocking pipe, as some bridges' are,
    /// so that a write the reader is not ready for fails with EAGAIN.
    init(executable: URL, arguments: [String], closingOutput: Bool = false, nonBlockingOutput: Bool = false) throws {
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        if closingOutput { try output.fileHandleForReading.close() }
        if nonBlockingOutput {
            let descriptor = output.fileHandleForWriting.fileDescriptor
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        }
        try process.run()
    }

    /// `gids serve` with these arguments. `fileSizeLimit`: the largest file it may write, in
    /// KiB (`ulimit -f`), as a full disk or a quota would have it. `umask`: the file mode mask
    /// it starts with, as a service unit's `UMask=` sets it.
    convenience init(_ arguments: [String], closingOutput: Bool = false, fileSizeLimit: Int? = nil, umask: Int? = nil)
        throws
    {
        let shellSettings = [fileSizeLimit.map { "ulimit -f \($0)" }, umask.map { "umask \(String($0, radix: 8))" }]
            .compactMap(\.self)
        if shellSettings.isEmpty {
            try self.init(executable: gidsBinary, arguments: ["serve"] + arguments, closingOutput: closingOutput)
        } else {
            try self.init(
                executable: URL(fileURLWithPath: "/bin/bash"),
                arguments: [
                    "-c", shellSettings.joined(separator: " && ") + " && exec \"$0\" serve \"$@\"", gidsBinary.path,
                ] + arguments,
                closingOutput: closingOutput)
        }
    }

    /// Writes lines to the process. Should it have ended, nothing happens: the test then fails
    /// on what it reads, instead of the test run ending on SIGPIPE.
    func send(_ lines: [String]) {
        sendRaw(Data(lines.map { $0 + "\n" }.joined().utf8))
    }

    func sendRaw(_ data: Data) {
        Self.ignoreBrokenPipes
        try? input.fileHandleForWriting.write(contentsOf: data)
    }

    /// A write to a process that has ended fails with EPIPE instead of ending the test run.
    private static let ignoreBrokenPipes: Void = { _ = Glibc.signal(SIGPIPE, SIG_IGN) }()

    func closeInput() throws {
        try input.fileHandleForWriting.close()
    }

    /// The next complete line, or nil when the output ended (a partial last line is dropped).
    /// With `seconds`, nil also when no line comes in time: the process is then killed, so that
    /// a test whose server does not answer fails instead of hanging.
    func readLine(within seconds: Double? = nil) -> String? {
        let deadline = seconds.map { Date().addingTimeInterval($0) }
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[(newline + 1)...])
                return String(decoding: line, as: UTF8.self)
            }
            if let deadline {
                var ready = pollfd(fd: output.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
                guard poll(&ready, 1, Int32(max(0, deadline.timeIntervalSinceNow) * 1000)) > 0 else {
                    kill()
                    return nil
                }
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
        }
    }

    /// The most memory the process has used so far (`VmHWM`), in MiB; nil once it has ended.
    var peakMemoryMiB: Int? {
        let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)
        let line = status?.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        return line.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") }.map { $0 / 1024 }
    }

    func readLines(_ count: Int) -> [String] {
        (0..<count).compactMap { _ in readLine() }
    }

    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func terminate() {
        Foundation.kill(process.processIdentifier, SIGTERM)
    }

    func waitForExit() -> (status: Int32, errors: String) {
        process.waitUntilExit()
        errorBuffer.append(errors.fileHandleForReading.readDataToEndOfFile())
        return (process.terminationStatus, String(decoding: errorBuffer, as: UTF8.self))
    }

    /// Reads stderr until it holds `text` (everything read stays for ``waitForExit()``);
    /// false if stderr ends first, or if `text` does not come within `seconds`: the process is
    /// then killed, so that the test fails instead of hanging.
    func waitForError(containing text: String, within seconds: Double = 60) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !String(decoding: errorBuffer, as: UTF8.self).contains(text) {
            var ready = pollfd(fd: errors.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, Int32(max(0, deadline.timeIntervalSinceNow) * 1000)) > 0 else {
                kill()
                return false
            }
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { return false }
            errorBuffer.append(chunk)
        }
        return true
    }

    /// Sends a signal, such as SIGHUP for a content reload.
    func signal(_ signal: Int32) {
        Foundation.kill(process.processIdentifier, signal)
    }
}

/// A fresh temporary folder, removed by the caller.
func temporaryFolder(_ name: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gids-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// A copy of the shipped dialogues inside `folder`, to edit in a test.
func copyOfDialogues(in folder: URL) throws -> URL {
    let dialogues = folder.appendingPathComponent("Dialogues")
    try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Dialogues"), to: dialogues)
    return dialogues
}
