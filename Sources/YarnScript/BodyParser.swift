/// Assembles the physical lines of a node body into statements.
///
/// Indentation matters only for the bodies of options (`->`) and line-group items (`=>`),
/// following the Yarn Spinner rule: a body opens when the line after an item is indented
/// deeper than the item, and closes at the first line indented less than the body.
/// `<<if>>` and `<<once>>` blocks are delimited by their keywords alone.
struct BodyParser {
    /// Blocks nested deeper than this are refused instead of risking the stack.
    static let maximumNesting = 200

    private enum Token {
        case statement(StatementHead)
        case indent(SourceLocation)
        case dedent
        /// A blank line that ends the current group of options or line-group items.
        case groupBreak
    }

    private var tokens: [Token] = []
    private var position = 0
    private var depth = 0
    private let file: String
    private var tooDeep = false
    /// The enums declared in the body (`<<enum>>` ... `<<endenum>>`), wherever they stand: they
    /// are declarations for the whole project, not statements that run.
    private(set) var enums: [EnumSyntax] = []

    init(file: String, firstLine: Int, lines: [Substring]) {
        self.file = file
        var found: [Diagnostic] = []
        tokens = Self.tokenize(file: file, firstLine: firstLine, lines: lines, diagnostics: &found)
        pendingDiagnostics = found
    }

    /// Problems found in single lines while tokenizing, reported with the structural ones.
    private var pendingDiagnostics: [Diagnostic]

    mutating func parse(diagnostics: inout [Diagnostic]) -> [Statement] {
        var statements = block(diagnostics: &diagnostics)
        while position < tokens.count {
            // Only a stray block keyword can stop the top-level block early.
            if case .statement(let head) = tokens[position] {
                diagnostics.append(
                    Diagnostic(.error, at: head.location, "\(Self.describe(head)) has no matching opening statement"))
            }
            position += 1
            statements += block(diagnostics: &diagnostics)
        }
        diagnostics += pendingDiagnostics
        return statements
    }

    // MARK: - Lines to tokens

    private static func width(of line: Substring) -> Int {
        var width = 0
        for character in line {
            if character == " " { width += 1 } else if character == "\t" { width += 8 } else { break }
        }
        return width
    }

    private static func isBlank(_ line: Substring) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\t" }
    }

    private static func tokenize(file: String, firstLine: Int, lines: [Substring], diagnostics: inout [Diagnostic])
        -> [Token]
    {
        var tokens: [Token] = []
        var openBodies: [Int] = []
        for (offset, line) in lines.enumerated() {
            var head: StatementHead?
            do {
                head = try StatementParser.parse(line, file: file, lineNumber: firstLine + offset)
            } catch {
                diagnostics.append(error)
                head = StatementParser.blockOpening(in: line, file: file, lineNumber: firstLine + offset)
            }
            if let head { tokens.append(.statement(head)) }
            let isItem: Bool
            switch head {
            case .option?, .lineGroupItem?: isItem = true
            default: isItem = false
            }
            let next = offset + 1 < lines.count ? lines[offset + 1] : nil
            let nextWidth = next.map(width(of:)) ?? 0
            var opened = false
            if isItem, next != nil, nextWidth > width(of: line) {
                openBodies.append(nextWidth)
                tokens.append(.indent(SourceLocation(file: file, line: firstLine + offset + 1, column: 1)))
                opened = true
            }
            var closedOutermost = false
            while let top = openBodies.last, nextWidth < top {
                openBodies.removeLast()
                tokens.append(.dedent)
                closedOutermost = openBodies.isEmpty
            }
            if let next, isBlank(next), (isItem && !opened) || closedOutermost {
                tokens.append(.groupBreak)
            }
        }
        return tokens
    }

    // MARK: - Tokens to statements

    private var peek: Token? { position < tokens.count ? tokens[position] : nil }

    /// Parses statements until the end, a dedent, or a block keyword (left for the caller).
    private mutating func block(diagnostics: inout [Diagnostic]) -> [Statement] {
        var statements: [Statement] = []
        while let token = peek {
            switch token {
            case .dedent:
                return statements
            case .groupBreak:
                position += 1
            case .indent(let location):
                diagnostics.append(Diagnostic(.error, at: location, "unexpected indentation"))
                position += 1
            case .statement(let head):
                switch head {
                case .elseIf, .elseClause, .endIf, .endOnce, .enumCase, .endEnum:
                    return statements
                case .simple(let statement):
                    position += 1
                    statements.append(statement)
                case .option:
                    if let group = items(diagnostics: &diagnostics) { statements.append(.options(group)) }
                case .lineGroupItem:
                    if let group = items(diagnostics: &diagnostics) { statements.append(.lineGroup(group)) }
                case .ifStart(let condition, let location):
                    position += 1
                    if let statement = ifBlock(condition, location, diagnostics: &diagnostics) {
                        statements.append(statement)
                    }
                case .onceStart(let condition, let location):
                    position += 1
                    if let statement = onceBlock(condition, location, diagnostics: &diagnostics) {
                        statements.append(statement)
                    }
                case .enumStart(let name, let nameLocation, let location):
                    position += 1
                    enums.append(enumBlock(name, nameLocation, location, diagnostics: &diagnostics))
                }
            }
        }
        return statements
    }

    private mutating func nested(_ location: SourceLocation, diagnostics: inout [Diagnostic]) -> [Statement]? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumNesting else {
            if !tooDeep {
                diagnostics.append(
                    Diagnostic(
                        .error, at: location, "blocks are nested more than \(Self.maximumNesting) levels deep here"))
                tooDeep = true
            }
            position = tokens.count
            return nil
        }
        return block(diagnostics: &diagnostics)
    }

    /// A group of consecutive options or line-group items, each with its body.
    private mutating func items(diagnostics: inout [Diagnostic]) -> [OptionSyntax]? {
        var group: [OptionSyntax] = []
        var kind: String?
        while case .statement(let head)? = peek {
            let line: LineSyntax
            switch head {
            case .option(let item) where kind == nil || kind == "->":
                line = item
                kind = "->"
            case .lineGroupItem(let item) where kind == nil || kind == "=>":
                line = item
                kind = "=>"
            default: return group
            }
            position += 1
            var body: [Statement] = []
            if case .indent(let location)? = peek {
                position += 1
                guard let inner = nested(location, diagnostics: &diagnostics) else { return nil }
                body = inner
                if case .dedent? = peek {
                    position += 1
                } else if case .statement(let stray)? = peek {
                    diagnostics.append(
                        Diagnostic(
                            .error, at: stray.location,
                            "\(Self.describe(stray)) has no matching opening statement inside this option"))
                    position += 1
                }
                if body.isEmpty {
                    diagnostics.append(
                        Diagnostic(
                            .error, at: location,
                            "the indented line after '\(line.text)' has no content; remove the indentation or add the option's lines"
                        ))
                }
            }
            group.append(OptionSyntax(line: line, body: body))
            if case .groupBreak? = peek {
                position += 1
                break
            }
        }
        return group
    }

    private mutating func ifBlock(
        _ condition: ExpressionSyntax, _ location: SourceLocation, diagnostics: inout [Diagnostic]
    ) -> Statement? {
        var clauses: [(condition: ExpressionSyntax, body: [Statement])] = []
        var current = condition
        var elseBody: [Statement] = []
        while true {
            guard let body = nested(location, diagnostics: &diagnostics) else { return nil }
            clauses.append((current, body))
            guard case .statement(let head)? = peek else {
                reportUnclosed("this <<if>> has no <<endif>>", at: location, in: &diagnostics)
                return .ifBlock(clauses: clauses, elseBody: [], location: location)
            }
            position += 1
            switch head {
            case .elseIf(let next, _):
                current = next
            case .elseClause:
                guard let body = nested(location, diagnostics: &diagnostics) else { return nil }
                elseBody = body
                if case .statement(.endIf)? = peek {
                    position += 1
                } else {
                    reportUnclosed("this <<if>> has no <<endif>>", at: location, in: &diagnostics)
                }
                return .ifBlock(clauses: clauses, elseBody: elseBody, location: location)
            case .endIf:
                return .ifBlock(clauses: clauses, elseBody: elseBody, location: location)
            default:
                diagnostics.append(
                    Diagnostic(
                        .error, at: head.location,
                        "expected <<endif>> to close the <<if>> on line \(location.line), found \(Self.describe(head))")
                )
                return .ifBlock(clauses: clauses, elseBody: elseBody, location: location)
            }
        }
    }

    private mutating func onceBlock(
        _ condition: ExpressionSyntax?, _ location: SourceLocation, diagnostics: inout [Diagnostic]
    ) -> Statement? {
        guard let body = nested(location, diagnostics: &diagnostics) else { return nil }
        var elseBody: [Statement] = []
        if case .statement(.elseClause)? = peek {
            position += 1
            guard let inner = nested(location, diagnostics: &diagnostics) else { return nil }
            elseBody = inner
        }
        if case .statement(.endOnce)? = peek {
            position += 1
        } else {
            reportUnclosed("this <<once>> has no <<endonce>>", at: location, in: &diagnostics)
        }
        return .once(condition: condition, body: body, elseBody: elseBody, location: location)
    }

    /// The `<<case>>` lines of an enum up to its `<<endenum>>`.
    private mutating func enumBlock(
        _ name: String, _ nameLocation: SourceLocation, _ location: SourceLocation, diagnostics: inout [Diagnostic]
    ) -> EnumSyntax {
        var cases: [EnumSyntax.Case] = []
        scan: while let token = peek {
            switch token {
            case .statement(.enumCase(let enumCase)):
                cases.append(enumCase)
            case .statement(.endEnum):
                position += 1
                return EnumSyntax(name: name, location: nameLocation, cases: cases)
            case .statement(let other):
                diagnostics.append(
                    Diagnostic(
                        .error, at: other.location,
                        "only <<case>> lines may stand inside <<enum \(name)>>; close it with <<endenum>> before this"))
                break scan
            case .groupBreak:
                break
            case .indent, .dedent:
                reportUnclosed("this <<enum>> has no <<endenum>>", at: location, in: &diagnostics)
                break scan
            }
            position += 1
        }
        if peek == nil {
            reportUnclosed("this <<enum>> has no <<endenum>>", at: location, in: &diagnostics)
        }
        return EnumSyntax(name: name, location: nameLocation, cases: cases)
    }

    /// A block left open: one error per block, unless nesting too deep already stopped the
    /// parse (then the blocks around it are open only because the rest was skipped).
    private func reportUnclosed(_ message: String, at location: SourceLocation, in diagnostics: inout [Diagnostic]) {
        if !tooDeep { diagnostics.append(Diagnostic(.error, at: location, message)) }
    }

    private static func describe(_ head: StatementHead) -> String {
        switch head {
        case .elseIf: "<<elseif>>"
        case .elseClause: "<<else>>"
        case .endIf: "<<endif>>"
        case .endOnce: "<<endonce>>"
        case .ifStart: "<<if>>"
        case .onceStart: "<<once>>"
        case .enumStart: "<<enum>>"
        case .enumCase: "<<case>>"
        case .endEnum: "<<endenum>>"
        case .option: "an option"
        case .lineGroupItem: "a line-group item"
        case .simple: "a statement"
        }
    }
}
