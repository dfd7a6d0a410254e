import DialogueRuntime
import Foundation
import Guide

/// How the guide's words look in a terminal: wrapped to its width, with colour and bold
/// when the output is a terminal and `NO_COLOR` is not set. Output to a pipe or file is
/// plain: one line per message, unwrapped.
public struct TerminalStyle: Sendable {
    public var width: Int
    public var usesColour: Bool

    public init(width: Int, usesColour: Bool) {
        self.width = max(20, width)
        self.usesColour = usesColour
    }

    /// Plain lines, unwrapped and uncoloured.
    public static let plain = TerminalStyle(width: .max / 2, usesColour: false)

    /// The style for this process: the terminal's width, colour unless `NO_COLOR` is set;
    /// plain when standard output is not a terminal.
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalStyle {
        guard isatty(STDOUT_FILENO) == 1 else { return .plain }
        var size = winsize()
        let columns =
            ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0
            ? Int(size.ws_col) : Int(environment["COLUMNS"] ?? "") ?? 80
        return TerminalStyle(width: columns, usesColour: environment["NO_COLOR"] == nil)
    }

    private static let guideColour = "\u{1B}[36m"
    private static let bold = "\u{1B}[1m"
    private static let reset = "\u{1B}[0m"

    /// A reply as the lines to print.
    public func render(_ reply: Reply) -> [String] {
        var lines: [String] = []
        for message in reply.messages { lines += wrap(message, indent: "") }
        for (number, option) in reply.options.enumerated() {
            lines += wrap(
                option, indent: "  \(number + 1). ",
                hangingIndent: String(repeating: " ", count: "  \(number + 1). ".count))
        }
        return lines
    }

    /// Wraps marked-up text at word boundaries, styling bold spans.
    func wrap(_ text: MarkedUpText, indent: String, hangingIndent: String? = nil) -> [String] {
        let characters = Array(text.text)
        var boldPositions = Set<Int>()
        for attribute in text.attributes where attribute.name == "b" {
            boldPositions.formUnion(attribute.position..<(attribute.position + attribute.length))
        }
        var lines: [String] = []
        var line = indent
        var lineLength = indent.count
        var index = 0
        let continuation = hangingIndent ?? indent
        while index < characters.count {
            var end = index
            while end < characters.count, characters[end] != " " { end += 1 }
            let wordLength = end - index
            if lineLength + wordLength > width, lineLength > continuation.count {
                lines.append(finish(line))
                line = continuation
                lineLength = continuation.count
            }
            line += styled(characters, index..<end, bold: boldPositions)
            lineLength += wordLength
            if end < characters.count {
                line += " "
                lineLength += 1
            }
            index = end + 1
        }
        lines.append(finish(line))
        return lines
    }

    private func styled(_ characters: [Character], _ range: Range<Int>, bold: Set<Int>) -> String {
        guard usesColour else { return String(characters[range]) }
        var result = ""
        var inBold = false
        for index in range {
            if bold.contains(index) != inBold {
                inBold.toggle()
                result += inBold ? Self.bold : Self.reset + Self.guideColour
            }
            result.append(characters[index])
        }
        if inBold { result += Self.reset + Self.guideColour }
        return result
    }

    private func finish(_ line: String) -> String {
        var trimmed = line
        while trimmed.hasSuffix(" ") { trimmed.removeLast() }
        return usesColour ? Self.guideColour + trimmed + Self.reset : trimmed
    }
}
