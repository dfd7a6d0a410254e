/// Parses the text of a line, option or line-group item: escapes, `{expressions}`,
/// an optional `<<if>>`/`<<once>>` condition, hashtags and a trailing comment.
enum LineTextParser {
    /// Characters that a backslash turns into themselves.
    private static let escapable: Set<Unicode.Scalar> = ["\\", "<", ">", "{", "}", "#", "/"]
    /// Characters whose backslash is kept for the markup stage (`\[`, `\]`, `\:`).
    private static let markupEscapes: Set<Unicode.Scalar> = ["[", "]", ":"]

    static func parse(_ cursor: inout LineCursor, what: String) throws(Diagnostic) -> LineSyntax {
        cursor.skipWhitespace()
        let location = cursor.location
        var text = ""
        var expressions: [ExpressionSyntax] = []
        var condition: LineCondition?
        var tags: [String] = []

        textLoop: while let character = cursor.peek {
            switch character {
            case "\\":
                guard let next = cursor.peek(1) else {
                    throw cursor.error("a '\\' at the end of a line escapes nothing")
                }
                if escapable.contains(next) {
                    text.append(next)
                } else if markupEscapes.contains(next) {
                    text.append(character)
                    text.append(next)
                } else {
                    throw cursor.error("'\\\(next)' is not an escape; write '\\\\' for a backslash")
                }
                cursor.index += 2
            case "{":
                expressions.append(try ExpressionParser.parseBraced(&cursor))
                text += "{\(expressions.count - 1)}"
            case "/" where cursor.peek(1) == "/":
                break textLoop
            case "#":
                break textLoop
            case "<" where cursor.peek(1) == "<":
                condition = try self.condition(&cursor)
                break textLoop
            default:
                text.append(character)
                cursor.index += 1
            }
        }
        cursor.skipWhitespace()
        while cursor.peek == "#" {
            cursor.index += 1
            var tag = ""
            while let character = cursor.peek, character != " ", character != "\t", character != "#", character != "$",
                character != "<"
            {
                tag.append(character)
                cursor.index += 1
            }
            tags.append(tag)
            cursor.skipWhitespace()
        }
        if cursor.hasPrefix("<<") {
            throw cursor.error(
                condition == nil ? "a condition must come before the hashtags" : "a \(what) can have only one condition"
            )
        }
        guard cursor.restIsEmptyOrComment() else { throw cursor.error("unexpected text after the \(what)") }
        let trimmed = String(text.trimmingSpaces)
        if trimmed.isEmpty, expressions.isEmpty {
            throw Diagnostic(.error, at: location, "this \(what) has no text")
        }
        if tags.filter({ $0.hasPrefix("line:") || $0.hasPrefix("shadow:") }).count > 1 {
            throw Diagnostic(.error, at: location, "a \(what) can have only one #line: or #shadow: id")
        }
        return LineSyntax(text: trimmed, expressions: expressions, condition: condition, tags: tags, location: location)
    }

    /// `<<if e>>`, `<<once>>` or `<<once if e>>` after a line's text.
    private static func condition(_ cursor: inout LineCursor) throws(Diagnostic) -> LineCondition {
        let start = cursor.index
        cursor.index += 2
        cursor.skipWhitespace()
        let word = cursor.identifier()
        let result: LineCondition
        switch word {
        case "if":
            result = .when(try ExpressionParser.parseCommandArgument(&cursor, of: "<<if>>"))
        case "once":
            cursor.skipWhitespace()
            if cursor.hasPrefix("if"), let after = cursor.peek(2), after == " " || after == "\t" || after == ">" {
                cursor.index += 2
                result = .onceIf(try ExpressionParser.parseCommandArgument(&cursor, of: "<<once if>>"))
            } else {
                result = .once
            }
        default:
            throw cursor.error(
                "only <<if ...>> or <<once>> can follow text on the same line; put commands on their own line",
                at: start)
        }
        cursor.skipWhitespace()
        guard cursor.hasPrefix(">>") else { throw cursor.error("missing '>>' after the condition") }
        cursor.index += 2
        return result
    }
}
