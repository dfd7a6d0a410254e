import DialogueRuntime

/// Parses an expression inside `{...}` or `<<...>>`, stopping before the terminator.
///
/// Precedence, from loosest: `and or xor` (one level, left to right), `== !=`,
/// `< <= > >=`, `+ -`, `* / %`, prefix `-` and `!`/`not`.
struct ExpressionParser {
    /// Expressions nested deeper than this, or with more operators (a long chain of `+` is a
    /// tree as deep as it is long), are refused instead of risking the stack of every pass
    /// that walks them.
    static let maximumDepth = 200

    enum Terminator {
        case closingBrace
        case closingAngles
        /// The end of the line or a `//` comment (a `when:` header).
        case endOfLine

        var text: String {
            switch self {
            case .closingBrace: "}"
            case .closingAngles: ">>"
            case .endOfLine: "the end of the line"
            }
        }
    }

    var cursor: LineCursor
    let terminator: Terminator
    /// Whether a standalone `as` also ends the expression (`<<declare $x = 1 as number>>`).
    var stopsAtTypeAnnotation = false
    private var depth = 0
    private var operators = 0

    init(cursor: LineCursor, terminator: Terminator) {
        self.cursor = cursor
        self.terminator = terminator
    }

    /// Parses `{expression}` with the cursor at `{`, leaving it after `}`.
    static func parseBraced(_ cursor: inout LineCursor) throws(Diagnostic) -> ExpressionSyntax {
        cursor.index += 1
        var parser = ExpressionParser(cursor: cursor, terminator: .closingBrace)
        let expression = try parser.parseExpression()
        cursor = parser.cursor
        cursor.index += 1
        return expression
    }

    /// Parses the expression of a command such as `<<if ...>>`, leaving the cursor at `>>`.
    /// An empty expression is an error naming the command.
    static func parseCommandArgument(_ cursor: inout LineCursor, of command: String) throws(Diagnostic)
        -> ExpressionSyntax
    {
        cursor.skipWhitespace()
        if cursor.hasPrefix(">>") { throw cursor.error("'\(command)' needs an expression") }
        var parser = ExpressionParser(cursor: cursor, terminator: .closingAngles)
        let expression = try parser.parseExpression()
        cursor = parser.cursor
        return expression
    }

    /// Parses one whole expression; the cursor is left at the terminator.
    mutating func parseExpression() throws(Diagnostic) -> ExpressionSyntax {
        let expression = try logical()
        skipSpace()
        guard atTerminator else {
            if cursor.isAtEnd { throw missingTerminator }
            throw cursor.error(
                "unexpected '\(cursor.text(cursor.index..<cursor.characters.count).prefix(12))' in expression")
        }
        return expression
    }

    var atTerminator: Bool {
        switch terminator {
        case .closingBrace: cursor.peek == "}"
        case .closingAngles: cursor.hasPrefix(">>") || (stopsAtTypeAnnotation && isWord("as"))
        case .endOfLine: cursor.isAtEnd || cursor.hasPrefix("//")
        }
    }

    /// The error for a line that ends inside the expression.
    private var missingTerminator: Diagnostic {
        cursor.error(
            terminator == .endOfLine
                ? "expected a value here" : "missing '\(terminator.text)' before the end of the line")
    }

    private func isWord(_ word: String) -> Bool {
        guard cursor.hasPrefix(word) else { return false }
        if let after = cursor.peek(word.count), after.isLetter || after.isDigit || after == "_" { return false }
        return true
    }

    // Operators by precedence level, longest symbols first.
    private static let logicalSymbols: [(String, BinaryOperator)] = [("&&", .and), ("||", .or), ("^", .xor)]
    private static let logicalWords: [(String, BinaryOperator)] = [("and", .and), ("or", .or), ("xor", .xor)]
    private static let equalitySymbols: [(String, BinaryOperator)] = [("==", .equal), ("!=", .notEqual)]
    private static let equalityWords: [(String, BinaryOperator)] = [("is", .equal), ("eq", .equal), ("neq", .notEqual)]
    private static let relationalSymbols: [(String, BinaryOperator)] = [
        ("<=", .lessOrEqual), (">=", .greaterOrEqual), ("<", .less), (">", .greater),
    ]
    private static let relationalWords: [(String, BinaryOperator)] = [
        ("lte", .lessOrEqual), ("gte", .greaterOrEqual), ("lt", .less), ("gt", .greater),
    ]
    private static let additiveSymbols: [(String, BinaryOperator)] = [("+", .add), ("-", .subtract)]
    private static let multiplicativeSymbols: [(String, BinaryOperator)] = [
        ("*", .multiply), ("/", .divide), ("%", .modulo),
    ]

    private mutating func skipSpace() {
        cursor.skipWhitespace()
    }

    private mutating func logical() throws(Diagnostic) -> ExpressionSyntax {
        var left = try equality()
        while let (op, location) = matchOperator(Self.logicalSymbols, words: Self.logicalWords) {
            left = try binary(op, left, try equality(), at: location)
        }
        return left
    }

    private mutating func equality() throws(Diagnostic) -> ExpressionSyntax {
        var left = try relational()
        while let (op, location) = matchOperator(Self.equalitySymbols, words: Self.equalityWords) {
            left = try binary(op, left, try relational(), at: location)
        }
        return left
    }

    private mutating func relational() throws(Diagnostic) -> ExpressionSyntax {
        var left = try additive()
        while let (op, location) = matchOperator(Self.relationalSymbols, words: Self.relationalWords) {
            left = try binary(op, left, try additive(), at: location)
        }
        return left
    }

    private mutating func additive() throws(Diagnostic) -> ExpressionSyntax {
        var left = try multiplicative()
        while let (op, location) = matchOperator(Self.additiveSymbols, words: []) {
            left = try binary(op, left, try multiplicative(), at: location)
        }
        return left
    }

    private mutating func multiplicative() throws(Diagnostic) -> ExpressionSyntax {
        var left = try unary()
        while let (op, location) = matchOperator(Self.multiplicativeSymbols, words: []) {
            left = try binary(op, left, try unary(), at: location)
        }
        return left
    }

    private mutating func binary(
        _ op: BinaryOperator, _ left: ExpressionSyntax, _ right: ExpressionSyntax, at location: SourceLocation
    ) throws(Diagnostic) -> ExpressionSyntax {
        operators += 1
        guard operators <= Self.maximumDepth else {
            throw Diagnostic(
                .error, at: location,
                "this expression has more than \(Self.maximumDepth) operators; split it over several <<set>> lines")
        }
        return ExpressionSyntax(kind: .binary(op, left, right), location: location)
    }

    private mutating func unary() throws(Diagnostic) -> ExpressionSyntax {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw cursor.error("this expression is nested more than \(Self.maximumDepth) levels deep")
        }
        skipSpace()
        let location = cursor.location
        if cursor.peek == "-" {
            cursor.index += 1
            return ExpressionSyntax(kind: .unary(.negate, try unary()), location: location)
        }
        if cursor.peek == "!", cursor.peek(1) != "=" {
            cursor.index += 1
            return ExpressionSyntax(kind: .unary(.not, try unary()), location: location)
        }
        if matchWord("not") {
            return ExpressionSyntax(kind: .unary(.not, try unary()), location: location)
        }
        return try primary()
    }

    private mutating func primary() throws(Diagnostic) -> ExpressionSyntax {
        skipSpace()
        let location = cursor.location
        guard let character = cursor.peek, !atTerminator else {
            throw cursor.isAtEnd ? missingTerminator : cursor.error("expected a value here")
        }
        if cursor.hasPrefix("//") { throw cursor.error("comments are not allowed inside an expression") }
        if character == "(" {
            cursor.index += 1
            let inner = try logical()
            skipSpace()
            guard cursor.peek == ")" else { throw cursor.error("missing ')'") }
            cursor.index += 1
            return inner
        }
        if character.isASCII, character.isDigit {
            return ExpressionSyntax(kind: .literal(.number(try number())), location: location)
        }
        if character == "\"" { return ExpressionSyntax(kind: .literal(.string(try string())), location: location) }
        if character == "$" {
            cursor.index += 1
            guard let name = cursor.identifier() else { throw cursor.error("expected a variable name after '$'") }
            return ExpressionSyntax(kind: .variable("$" + name), location: location)
        }
        if character == ".", let next = cursor.peek(1), next.isLetter || next == "_" {
            cursor.index += 1
            return ExpressionSyntax(kind: .enumCase(type: nil, name: cursor.identifier() ?? ""), location: location)
        }
        guard let name = cursor.identifier() else {
            throw cursor.error("unexpected '\(character)' in expression")
        }
        if cursor.peek == "." {
            cursor.index += 1
            guard let member = cursor.identifier() else {
                throw cursor.error("expected the name of a case of \(name) after '.', like \(name).First")
            }
            return ExpressionSyntax(kind: .enumCase(type: name, name: member), location: location)
        }
        switch name {
        case "true": return ExpressionSyntax(kind: .literal(.bool(true)), location: location)
        case "false": return ExpressionSyntax(kind: .literal(.bool(false)), location: location)
        case "null":
            throw cursor.error(
                "'null' is not a value in Yarn; use a default such as 0, \"\" or false", at: location.column - 1)
        default: break
        }
        skipSpace()
        guard cursor.peek == "(" else {
            throw cursor.error(
                "'\(name)' is not a value; variables start with '$', strings need quotes, and functions need '()'",
                at: location.column - 1)
        }
        cursor.index += 1
        var arguments: [ExpressionSyntax] = []
        skipSpace()
        if cursor.peek == ")" {
            cursor.index += 1
        } else {
            while true {
                arguments.append(try logical())
                skipSpace()
                if cursor.peek == "," {
                    cursor.index += 1
                    continue
                }
                guard cursor.peek == ")" else { throw cursor.error("expected ',' or ')' in the call to '\(name)'") }
                cursor.index += 1
                break
            }
        }
        return ExpressionSyntax(kind: .call(name, arguments), location: location)
    }

    private mutating func number() throws(Diagnostic) -> Float {
        let start = cursor.index
        while let character = cursor.peek, character.isASCII, character.isDigit { cursor.index += 1 }
        if cursor.peek == ".", let next = cursor.peek(1), next.isASCII, next.isDigit {
            cursor.index += 1
            while let character = cursor.peek, character.isASCII, character.isDigit { cursor.index += 1 }
        }
        guard let value = Float(cursor.text(start..<cursor.index)) else {
            throw cursor.error("'\(cursor.text(start..<cursor.index))' is not a number", at: start)
        }
        return value
    }

    private mutating func string() throws(Diagnostic) -> String {
        let start = cursor.index
        cursor.index += 1
        var result = ""
        while let character = cursor.peek {
            cursor.index += 1
            switch character {
            case "\"": return result
            case "\\":
                guard let next = cursor.peek else { break }
                cursor.index += 1
                if next == "\"" || next == "\\" {
                    result.append(next)
                } else {
                    result.append(character)
                    result.append(next)
                }
            default: result.append(character)
            }
        }
        throw cursor.error("this string has no closing '\"'", at: start)
    }

    /// Matches a symbol operator (longest first, as listed) or a keyword operator.
    private mutating func matchOperator(
        _ symbols: [(String, BinaryOperator)], words: [(String, BinaryOperator)]
    ) -> (BinaryOperator, SourceLocation)? {
        skipSpace()
        let location = cursor.location
        if atTerminator { return nil }
        for (symbol, op) in symbols where cursor.hasPrefix(symbol) {
            if symbol == ">", terminator == .closingAngles, cursor.hasPrefix(">>") { return nil }
            cursor.index += symbol.count
            return (op, location)
        }
        for (word, op) in words where matchWord(word) {
            return (op, location)
        }
        return nil
    }

    /// Matches a keyword that is not the start of a longer identifier.
    private mutating func matchWord(_ word: String) -> Bool {
        guard isWord(word) else { return false }
        cursor.index += word.count
        return true
    }
}
