import DialogueRuntime

/// What one physical body line holds, before the lines are assembled into blocks.
enum StatementHead {
    case simple(Statement)
    case option(LineSyntax)
    case lineGroupItem(LineSyntax)
    case ifStart(ExpressionSyntax, SourceLocation)
    case elseIf(ExpressionSyntax, SourceLocation)
    case elseClause(SourceLocation)
    case endIf(SourceLocation)
    case onceStart(ExpressionSyntax?, SourceLocation)
    case endOnce(SourceLocation)
    /// `<<enum Name>>`: the name, where it is written, and where the command starts.
    case enumStart(String, nameLocation: SourceLocation, SourceLocation)
    case enumCase(EnumSyntax.Case)
    case endEnum(SourceLocation)

    var location: SourceLocation {
        switch self {
        case .option(let line), .lineGroupItem(let line): line.location
        case .ifStart(_, let location), .elseIf(_, let location), .elseClause(let location), .endIf(let location),
            .onceStart(_, let location), .endOnce(let location), .enumStart(_, _, let location),
            .endEnum(let location):
            location
        case .enumCase(let enumCase): enumCase.location
        case .simple(let statement): statement.location
        }
    }
}

/// Parses one physical line of a node body into a ``StatementHead``.
enum StatementParser {
    /// Returns nil for a blank or comment-only line.
    static func parse(_ text: Substring, file: String, lineNumber: Int) throws(Diagnostic) -> StatementHead? {
        var cursor = LineCursor(text, file: file, lineNumber: lineNumber)
        cursor.skipWhitespace()
        if cursor.isAtEnd || cursor.hasPrefix("//") { return nil }
        if cursor.hasPrefix("->") {
            cursor.index += 2
            return .option(try LineTextParser.parse(&cursor, what: "option"))
        }
        if cursor.hasPrefix("=>") {
            cursor.index += 2
            return .lineGroupItem(try LineTextParser.parse(&cursor, what: "line-group item"))
        }
        if cursor.hasPrefix("<<") { return try command(&cursor) }
        if cursor.peek == "#" {
            throw cursor.error("a line cannot start with '#'; write '\\#' for a literal '#'")
        }
        return .simple(.line(try LineTextParser.parse(&cursor, what: "line")))
    }

    /// For a line that could not be parsed: the block it opens all the same (`<<if>>`,
    /// `<<elseif>>`, `<<once>>` with a condition that has an error), with a stand-in
    /// condition, so that the block's `<<endif>>` is not reported as a second error. The
    /// first error keeps the program from being built, so the stand-in never runs.
    static func blockOpening(in text: Substring, file: String, lineNumber: Int) -> StatementHead? {
        var cursor = LineCursor(text, file: file, lineNumber: lineNumber)
        cursor.skipWhitespace()
        let location = cursor.location
        guard cursor.hasPrefix("<<") else { return nil }
        cursor.index += 2
        cursor.skipWhitespace()
        let standIn = ExpressionSyntax(kind: .literal(.bool(true)), location: location)
        switch cursor.identifier() {
        case "if": return .ifStart(standIn, location)
        case "elseif": return .elseIf(standIn, location)
        case "once": return .onceStart(nil, location)
        default: return nil
        }
    }

    private static let keywords: Set<String> = [
        "if", "elseif", "else", "endif", "set", "call", "declare", "jump", "detour", "return", "once", "endonce",
        "enum", "case", "endenum", "local",
    ]

    private static func command(_ cursor: inout LineCursor) throws(Diagnostic) -> StatementHead {
        let location = cursor.location
        cursor.index += 2
        cursor.skipWhitespace()
        var probe = cursor
        let word = probe.identifier()
        let isKeyword =
            word.map { keywords.contains($0) && (probe.peek == " " || probe.peek == "\t" || probe.hasPrefix(">>")) }
            ?? false
        guard isKeyword, let keyword = word else {
            let pieces = try genericCommand(&cursor, location: location)
            try finishAfterCommand(&cursor)
            return .simple(.command(pieces, location: location))
        }
        cursor = probe
        cursor.skipWhitespace()
        let head: StatementHead
        switch keyword {
        case "if": head = .ifStart(try ExpressionParser.parseCommandArgument(&cursor, of: "<<if"), location)
        case "elseif": head = .elseIf(try ExpressionParser.parseCommandArgument(&cursor, of: "<<elseif"), location)
        case "else": head = .elseClause(location)
        case "endif": head = .endIf(location)
        case "endonce": head = .endOnce(location)
        case "return": head = .simple(.returnFromNode(location: location))
        case "once":
            var condition: ExpressionSyntax?
            if cursor.hasPrefix("if"), cursor.peek(2) == " " || cursor.peek(2) == "\t" || cursor.peek(2) == ">" {
                cursor.index += 2
                condition = try ExpressionParser.parseCommandArgument(&cursor, of: "<<once if")
            }
            head = .onceStart(condition, location)
        case "set": head = .simple(try set(&cursor, location: location))
        case "declare": head = .simple(try declare(&cursor, location: location))
        case "call":
            head = .simple(.call(try ExpressionParser.parseCommandArgument(&cursor, of: "<<call"), location: location))
        case "jump": head = .simple(.jump(try nodeReference(&cursor, keyword: "jump"), location: location))
        case "detour": head = .simple(.detour(try nodeReference(&cursor, keyword: "detour"), location: location))
        case "enum":
            let nameLocation = cursor.location
            guard let name = cursor.identifier() else {
                throw cursor.error("'<<enum>>' needs a name, like <<enum Food>>")
            }
            head = .enumStart(name, nameLocation: nameLocation, location)
        case "case": head = .enumCase(try enumCase(&cursor))
        case "endenum": head = .endEnum(location)
        default:
            throw Diagnostic(.error, at: location, "'<<\(keyword)>>' (local variables) is not supported by gids")
        }
        cursor.skipWhitespace()
        guard cursor.hasPrefix(">>") else {
            if cursor.isAtEnd { throw cursor.error("this command is missing its closing '>>'") }
            throw cursor.error("unexpected text in '<<\(keyword)>>'; expected '>>'")
        }
        cursor.index += 2
        try finishAfterCommand(&cursor)
        return head
    }

    /// After `>>` only hashtags and a comment may follow.
    private static func finishAfterCommand(_ cursor: inout LineCursor) throws(Diagnostic) {
        cursor.skipWhitespace()
        while cursor.peek == "#" {
            while let character = cursor.peek, character != " ", character != "\t" { cursor.index += 1 }
            cursor.skipWhitespace()
        }
        guard cursor.restIsEmptyOrComment() else {
            throw cursor.error("unexpected text after '>>'; put each statement on its own line")
        }
    }

    private static func set(_ cursor: inout LineCursor, location: SourceLocation) throws(Diagnostic) -> Statement {
        let variableLocation = cursor.location
        guard cursor.peek == "$" else { throw cursor.error("'<<set>>' needs a variable, like <<set $name = value>>") }
        cursor.index += 1
        guard let name = cursor.identifier() else { throw cursor.error("expected a variable name after '$'") }
        cursor.skipWhitespace()
        var op: BinaryOperator?
        let compound: [(String, BinaryOperator)] = [
            ("+=", .add), ("-=", .subtract), ("*=", .multiply), ("/=", .divide), ("%=", .modulo),
        ]
        if let (symbol, found) = compound.first(where: { cursor.hasPrefix($0.0) }) {
            cursor.index += symbol.count
            op = found
        } else if cursor.peek == "=", cursor.peek(1) != "=" {
            cursor.index += 1
        } else if cursor.hasPrefix("to"), cursor.peek(2) == " " || cursor.peek(2) == "\t" {
            cursor.index += 2
        } else {
            throw cursor.error("expected '=', 'to', '+=', '-=', '*=', '/=' or '%=' after $\(name)")
        }
        let value = try ExpressionParser.parseCommandArgument(&cursor, of: "<<set $\(name) =")
        return .set(
            variable: "$" + name, variableLocation: variableLocation, operator: op, value: value, location: location)
    }

    private static func declare(_ cursor: inout LineCursor, location: SourceLocation) throws(Diagnostic) -> Statement {
        guard cursor.peek == "$" else {
            throw cursor.error("'<<declare>>' needs a variable, like <<declare $name = value>>")
        }
        cursor.index += 1
        guard let name = cursor.identifier() else { throw cursor.error("expected a variable name after '$'") }
        cursor.skipWhitespace()
        guard cursor.peek == "=" || (cursor.hasPrefix("to") && cursor.peek(2) == " ") else {
            throw cursor.error("$\(name) needs a value: <<declare $\(name) = value>>")
        }
        cursor.index += cursor.peek == "=" ? 1 : 2
        cursor.skipWhitespace()
        if cursor.hasPrefix(">>") { throw cursor.error("$\(name) needs a value: <<declare $\(name) = value>>") }
        var parser = ExpressionParser(cursor: cursor, terminator: .closingAngles)
        parser.stopsAtTypeAnnotation = true
        let value = try parser.parseExpression()
        cursor = parser.cursor
        var type: TypeName?
        if cursor.hasPrefix("as") {
            cursor.index += 2
            cursor.skipWhitespace()
            let typeLocation = cursor.location
            guard let typeName = cursor.identifier() else {
                throw cursor.error("expected a type after 'as': bool, number, string or the name of an enum")
            }
            type = TypeName(name: typeName, location: typeLocation)
        }
        return .declare(variable: "$" + name, value: value, type: type, location: location)
    }

    /// `<<case Name>>` or `<<case Name = value>>`, with the cursor after `case`.
    private static func enumCase(_ cursor: inout LineCursor) throws(Diagnostic) -> EnumSyntax.Case {
        let location = cursor.location
        guard let name = cursor.identifier() else {
            throw cursor.error("'<<case>>' needs a name, like <<case Apple>>")
        }
        cursor.skipWhitespace()
        guard cursor.peek == "=" else { return EnumSyntax.Case(name: name, location: location, rawValue: nil) }
        cursor.index += 1
        let value = try ExpressionParser.parseCommandArgument(&cursor, of: "<<case \(name) =")
        return EnumSyntax.Case(name: name, location: location, rawValue: value)
    }

    private static func nodeReference(_ cursor: inout LineCursor, keyword: String) throws(Diagnostic) -> NodeReference {
        if cursor.peek == "{" { return .expression(try ExpressionParser.parseBraced(&cursor)) }
        let location = cursor.location
        guard let title = cursor.identifier() else {
            throw cursor.error("'<<\(keyword)>>' needs a node title, like <<\(keyword) Start>>")
        }
        return .title(title, location)
    }

    /// A command for the host: text up to `>>`, with `{expression}` pieces.
    private static func genericCommand(_ cursor: inout LineCursor, location: SourceLocation) throws(Diagnostic)
        -> [CommandPieceSyntax]
    {
        var pieces: [CommandPieceSyntax] = []
        var text = ""
        while true {
            guard let character = cursor.peek else {
                throw Diagnostic(
                    .error, at: location, "this command is missing its closing '>>' (a command must fit on one line)")
            }
            if cursor.hasPrefix(">>") {
                cursor.index += 2
                break
            }
            if character == ">" { throw cursor.error("a single '>' is not allowed in a command; did you mean '>>'?") }
            if character == "{" {
                if !text.isEmpty { pieces.append(.text(text)) }
                text = ""
                pieces.append(.expression(try ExpressionParser.parseBraced(&cursor)))
                continue
            }
            text.append(character)
            cursor.index += 1
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        if pieces.isEmpty { throw Diagnostic(.error, at: location, "this command is empty") }
        return pieces
    }
}

extension Statement {
    var location: SourceLocation {
        switch self {
        case .line(let line): line.location
        case .options(let options), .lineGroup(let options): options[0].line.location
        case .ifBlock(_, _, let location), .once(_, _, _, let location), .set(_, _, _, _, let location),
            .declare(_, _, _, let location), .jump(_, let location), .detour(_, let location),
            .returnFromNode(let location),
            .call(_, let location), .command(_, let location):
            location
        }
    }
}
