import CReadline
import Foundation

/// Where the person's answers come from.
public protocol LineReader {
    /// The next line, or nil at the end of input (Ctrl-D).
    mutating func readLine(prompt: String) -> String?
}

/// Line editing and history through GNU readline, for a person at a terminal. History
/// stays in memory: nothing a person types is ever written to disk.
public struct ReadlineReader: LineReader {
    public init() {
        // Never read or write ~/.inputrc-configured history files; keep history for this session only.
        stifle_history(100)
    }

    public mutating func readLine(prompt: String) -> String? {
        guard let pointer = readline(prompt) else { return nil }
        defer { free(pointer) }
        let line = String(cString: pointer)
        if !line.trimmingCharacters(in: .whitespaces).isEmpty { add_history(pointer) }
        return line
    }
}

/// Plain lines from standard input, for pipes and files (`gids < answers.txt`); no prompt
/// is printed and nothing is echoed.
public struct PlainLineReader: LineReader {
    public init() {}

    public mutating func readLine(prompt: String) -> String? {
        Swift.readLine(strippingNewline: true)
    }
}
