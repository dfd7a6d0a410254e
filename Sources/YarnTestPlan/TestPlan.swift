import DialogueRuntime
import Foundation

/// A Yarn Spinner `.testplan`: the steps a dialogue must go through, in order.
public struct TestPlan: Sendable {
    /// One step of a plan, with the line it was written on.
    public enum Step: Hashable, Sendable {
        /// The next event is a line with this text (nil: any text).
        case line(String?)
        /// One option of the next option set, in order.
        case option(String, isAvailable: Bool)
        /// Choose option N (1-based); 0 means "no selection".
        case select(Int)
        /// The next event is a command with this text.
        case command(String)
        /// Set a variable in the store.
        case set(variable: String, value: Value)
        /// Use this saliency strategy.
        case saliency(SaliencyStrategy)
        /// Start from this node instead of `Start`.
        case node(String)
        /// The dialogue ends here.
        case stop
        /// Start the dialogue again, keeping the variable store.
        case restart
    }

    public var steps: [(step: Step, line: Int)]

    /// A step that cannot be read, with its line number.
    public struct FormatError: Error, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// Reads a plan. `#` starts a comment outside backticks.
    public init(_ text: String) throws {
        steps = []
        for (offset, rawLine) in text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        ).enumerated() {
            let number = offset + 1
            let line = Self.removingComment(rawLine.trimmingCharacters(in: .whitespacesAndNewlines))
            if line.isEmpty { continue }
            if line == "---" {
                steps.append((.restart, number))
                continue
            }
            if line == "stop" {
                steps.append((.stop, number))
                continue
            }
            guard let colon = line.firstIndex(of: ":") else {
                throw FormatError(line: number, message: "expected 'kind: value', found '\(line)'")
            }
            let kind = line[..<colon].trimmingCharacters(in: .whitespaces)
            let rest = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch kind {
            case "line":
                steps.append((.line(rest == "*" ? nil : try Self.quoted(rest, line: number).text), number))
            case "option":
                let (text, after) = try Self.quoted(rest, line: number)
                steps.append((.option(text, isAvailable: !after.contains("[disabled]")), number))
            case "command":
                steps.append((.command(try Self.quoted(rest, line: number).text), number))
            case "select":
                guard let index = Int(rest) else { throw FormatError(line: number, message: "'select' needs a number") }
                steps.append((.select(index), number))
            case "saliency":
                guard let strategy = SaliencyStrategy(rawValue: rest) else {
                    throw FormatError(line: number, message: "unknown saliency strategy '\(rest)'")
                }
                steps.append((.saliency(strategy), number))
            case "node":
                steps.append((.node(rest), number))
            case "set":
                let parts = rest.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2 else { throw FormatError(line: number, message: "'set' needs '$name = value'") }
                let value: Value
                switch parts[1] {
                case "true": value = .bool(true)
                case "false": value = .bool(false)
                default:
                    if let number = Float(parts[1]) {
                        value = .number(number)
                    } else if parts[1].hasPrefix("\""), parts[1].hasSuffix("\""), parts[1].count >= 2 {
                        value = .string(String(parts[1].dropFirst().dropLast()))
                    } else {
                        throw FormatError(line: number, message: "'\(parts[1])' is not a bool, number or string")
                    }
                }
                steps.append((.set(variable: parts[0], value: value), number))
            default:
                throw FormatError(line: number, message: "unknown step '\(kind)'")
            }
        }
    }

    /// The line up to a `#` that is not inside backticks.
    private static func removingComment(_ line: String) -> String {
        var inBackticks = false
        for (offset, character) in line.enumerated() {
            if character == "`" { inBackticks.toggle() }
            if character == "#", !inBackticks {
                return String(line.prefix(offset)).trimmingCharacters(in: .whitespaces)
            }
        }
        return line
    }

    /// The text between the first pair of backticks, and what follows it.
    private static func quoted(_ text: String, line: Int) throws -> (text: String, rest: String) {
        guard text.first == "`", let end = text.dropFirst().firstIndex(of: "`") else {
            throw FormatError(line: line, message: "expected text in backticks, found '\(text)'")
        }
        return (String(text[text.index(after: text.startIndex)..<end]), String(text[text.index(after: end)...]))
    }
}
