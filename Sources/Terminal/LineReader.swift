@preconcurrency import CReadline
import Foundation

/// Where the person's answers come from.
public protocol LineReader {
    /// The next line, or nil at the end of input (Ctrl-D).
    mutating func readLine(prompt: String) -> String?
}

/// Line editing and history through GNU readline, for a person at a terminal. History
/// stays in memory: nothing a person types is ever written to disk. A signal caught by
/// ``Interruption`` ends the line being read as the end of input would.
public struct ReadlineReader: LineReader {
    public init() {
        // Never read or write ~/.inputrc-configured history files; keep history for this session only.
        stifle_history(100)
        // gids catches the signals itself (Interruption), and readline reads through
        // `nextByte`, which gives up when one has arrived.
        rl_catch_signals = 0
        rl_getc_function = { nextByte(from: $0) }
    }

    public mutating func readLine(prompt: String) -> String? {
        guard let pointer = readline(prompt) else { return nil }
        defer { free(pointer) }
        let line = String(cString: pointer)
        if !line.trimmingCharacters(in: .whitespaces).isEmpty { add_history(pointer) }
        return line
    }
}

/// The next byte the person typed, for readline; `EOF` at the end of input or once a signal
/// caught by ``Interruption`` has arrived (waiting at most a quarter of a second to see it).
private func nextByte(from stream: UnsafeMutablePointer<FILE>?) -> Int32 {
    let descriptor = stream.map(fileno) ?? STDIN_FILENO
    while Interruption.signal == nil {
        var input = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&input, 1, 250)
        if ready == 0 || (ready < 0 && errno == EINTR) { continue }
        var byte: UInt8 = 0
        let count = read(descriptor, &byte, 1)
        if count == 1 { return Int32(byte) }
        if count < 0, errno == EINTR || errno == EAGAIN { continue }
        return EOF
    }
    return EOF
}

/// Plain lines from standard input, for pipes and files (`gids < answers.txt`); no prompt
/// is printed and nothing is echoed.
public struct PlainLineReader: LineReader {
    public init() {}

    public mutating func readLine(prompt: String) -> String? {
        Swift.readLine(strippingNewline: true)
    }
}
