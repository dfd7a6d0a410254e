/// A `when:` header, which makes its node a member of a node group and says when the member
/// may run: `when: always`, `when: once`, `when: once if <expression>` or `when: <expression>`.
struct WhenHeader {
    /// The condition, as for a line-group item; nil for `when: always`.
    var condition: LineCondition?
    /// Where the header's value starts.
    var location: SourceLocation
}

extension WhenHeader {
    /// Reads the header from its whole line (`when: $a > 1 // comment`).
    static func parse(_ line: Substring, file: String, lineNumber: Int) throws(Diagnostic) -> WhenHeader {
        var cursor = LineCursor(line, file: file, lineNumber: lineNumber)
        while let character = cursor.peek, character != ":" { cursor.index += 1 }
        cursor.index += 1
        cursor.skipWhitespace()
        let location = cursor.location
        guard !cursor.restIsEmptyOrComment() else {
            throw cursor.error(
                "'when:' needs a condition: an expression, 'always', 'once', or 'once if' and an expression")
        }
        var probe = cursor
        switch probe.identifier() {
        case "always" where probe.restIsEmptyOrComment():
            return WhenHeader(condition: nil, location: location)
        case "once" where probe.restIsEmptyOrComment():
            return WhenHeader(condition: .once, location: location)
        case "once":
            probe.skipWhitespace()
            if probe.hasPrefix("if"), probe.peek(2).map({ $0 == " " || $0 == "\t" }) ?? true {
                probe.index += 2
                return WhenHeader(condition: .onceIf(try expression(&probe)), location: location)
            }
        default:
            break
        }
        return WhenHeader(condition: .when(try expression(&cursor)), location: location)
    }

    private static func expression(_ cursor: inout LineCursor) throws(Diagnostic) -> ExpressionSyntax {
        cursor.skipWhitespace()
        var parser = ExpressionParser(cursor: cursor, terminator: .endOfLine)
        return try parser.parseExpression()
    }
}
