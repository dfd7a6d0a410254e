import DialogueRuntime

/// What the nodes of one project share while they are compiled, held by reference so
/// that compiling node after node never copies it.
final class ProjectContext {
    var lowering: ExpressionLowering
    /// Line ids already taken in the project (explicit ones are reserved up front).
    var usedLineIDs: Set<String>
    /// The lines with an explicit `#line:` id, which shadow lines (`#shadow:`) repeat.
    let explicitLines: [String: LineSyntax]
    /// The string table being built.
    var lines: [String: LineInfo] = [:]

    init(lowering: ExpressionLowering, explicitLines: [String: LineSyntax]) {
        self.lowering = lowering
        self.explicitLines = explicitLines
        usedLineIDs = Set(explicitLines.keys)
    }
}

/// Generates the instructions of one node and registers its lines in the string table.
struct NodeCompiler {
    let node: NodeSyntax
    let file: String
    let project: ProjectContext
    var instructions: [Instruction] = []
    private var implicitLineCount = 0

    init(node: NodeSyntax, file: String, project: ProjectContext) {
        self.node = node
        self.file = file
        self.project = project
    }

    private var lowering: ExpressionLowering {
        get { project.lowering }
        _modify { yield &project.lowering }
    }

    mutating func compile() -> CompiledNode {
        emitBlock(node.body)
        return CompiledNode(
            name: node.name, file: file, headers: node.headers, instructions: instructions, version: node.bodyVersion)
    }

    @discardableResult
    private mutating func emit(_ instruction: Instruction) -> Int {
        instructions.append(instruction)
        return instructions.count - 1
    }

    private var next: Int { instructions.count }

    private mutating func emitBlock(_ statements: [Statement]) {
        for (index, statement) in statements.enumerated() {
            var lastLine = false
            if case .line = statement, index + 1 < statements.count, case .options = statements[index + 1] {
                lastLine = true
            }
            emit(statement, isLastLineBeforeOptions: lastLine)
        }
    }

    private mutating func emit(_ statement: Statement, isLastLineBeforeOptions: Bool) {
        switch statement {
        case .line(let line):
            let (id, key) = register(line, extraTags: isLastLineBeforeOptions ? ["lastline"] : [])
            let guardIndex = emitGuard(line.condition, onceFlag: key)
            emit(.line(id: id, substitutions: substitutions(of: line)))
            if let guardIndex { patchJump(at: guardIndex, to: next) }
        case .options(let items):
            let setIndex = emit(.options([], otherwise: 0))
            var choices: [OptionChoice] = []
            var exits: [Int] = []
            for item in items {
                let (id, key) = register(item.line)
                let condition = item.line.condition?.expression.map {
                    lowering.lower($0, expecting: .bool, context: "an option's condition")
                }
                let target = next
                if !item.body.isEmpty {
                    emitBlock(item.body)
                    exits.append(emit(.goto(target: 0)))
                }
                choices.append(
                    OptionChoice(
                        lineID: id, substitutions: substitutions(of: item.line), condition: condition,
                        onceFlag: item.line.condition?.isOnce == true ? key : nil,
                        target: item.body.isEmpty ? -1 : target))
            }
            let end = next
            instructions[setIndex] = .options(
                choices.map {
                    var choice = $0
                    if choice.target < 0 { choice.target = end }
                    return choice
                }, otherwise: end)
            for exit in exits { instructions[exit] = .goto(target: end) }
        case .lineGroup(let items):
            let groupIndex = emit(.lineGroup([], otherwise: 0))
            var candidates: [SalientCandidate] = []
            var exits: [Int] = []
            for item in items {
                let (id, key) = register(item.line)
                let condition = item.line.condition?.expression.map {
                    lowering.lower($0, expecting: .bool, context: "a line-group item's condition")
                }
                let target = next
                emitBlock(item.body)
                exits.append(emit(.goto(target: 0)))
                candidates.append(
                    SalientCandidate(
                        lineID: id, substitutions: substitutions(of: item.line), condition: condition,
                        onceFlag: item.line.condition?.isOnce == true ? key : nil,
                        complexity: Self.complexity(of: item.line.condition),
                        target: target))
            }
            let end = next
            instructions[groupIndex] = .lineGroup(candidates, otherwise: end)
            for exit in exits { instructions[exit] = .goto(target: end) }
        case .ifBlock(let clauses, let elseBody, _):
            var exits: [Int] = []
            for clause in clauses {
                let condition = lowering.lower(clause.condition, expecting: .bool, context: "an <<if>> condition")
                let test = emit(.jumpIfFalse(condition, target: 0))
                emitBlock(clause.body)
                exits.append(emit(.goto(target: 0)))
                instructions[test] = .jumpIfFalse(condition, target: next)
            }
            emitBlock(elseBody)
            for exit in exits { instructions[exit] = .goto(target: next) }
        case .once(let condition, let body, let elseBody, let location):
            // Counted from the title, so that an edit elsewhere in the file leaves the flag alone.
            let flag = "\(node.name)@\(location.line - node.titleLocation.line)"
            let guardIndex = emitGuard(condition.map { .onceIf($0) } ?? .once, onceFlag: flag)
            emitBlock(body)
            let exit = emit(.goto(target: 0))
            if let guardIndex { patchJump(at: guardIndex, to: next) }
            emitBlock(elseBody)
            instructions[exit] = .goto(target: next)
        case .set(let variable, let variableLocation, let op, let value, _):
            guard let type = lowering.variables[variable] else {
                _ = lowering.lower(value)  // the variable's type is not known (reported); its value may have errors too
                return
            }
            guard lowering.smartVariables[variable] == nil else {
                lowering.diagnostics.append(
                    Diagnostic(
                        .error, at: variableLocation,
                        "\(variable) is a smart variable: its value is worked out from its declaration each time it is read, so it cannot be set"
                    ))
                return
            }
            var lowered = lowering.lower(value, expecting: type, context: "the value assigned to \(variable)")
            if let op {
                if op == .add ? !(type == .number || type == .string) : type != .number {
                    let needed = op == .add ? "a Number or String" : "a Number"
                    lowering.diagnostics.append(
                        Diagnostic(
                            .error, at: value.location,
                            "'\(op.rawValue)=' needs \(needed) variable, but \(variable) is \(type.withArticle)"))
                }
                lowered = .binary(op, .variable(variable), lowered)
            }
            emit(.set(variable: variable, value: lowered))
        case .declare:
            break
        case .jump(let target, _):
            emit(.jumpToNode(nodeExpression(target)))
        case .detour(let target, _):
            emit(.detourToNode(nodeExpression(target)))
        case .returnFromNode:
            emit(.returnFromNode)
        case .call(let expression, let location):
            guard case .call = expression.kind else {
                lowering.diagnostics.append(
                    Diagnostic(.error, at: location, "<<call>> needs a function call, like <<call f()>>"))
                return
            }
            emit(.evaluate(lowering.lower(expression).0))
        case .command(let pieces, _):
            if pieces.count == 1, case .text(let text) = pieces[0], text == "stop" {
                emit(.stop)
                return
            }
            emit(
                .command(
                    pieces.map { piece in
                        switch piece {
                        case .text(let text): .text(text)
                        case .expression(let expression): .expression(lowering.lower(expression).0)
                        }
                    }))
        }
    }

    /// Emits the test for a line or block condition; returns the index of the jump to patch
    /// with the address to skip to.
    private mutating func emitGuard(_ condition: LineCondition?, onceFlag: String) -> Int? {
        guard let condition else { return nil }
        switch condition {
        case .when(let expression):
            return emit(.jumpIfFalse(lowering.lower(expression, expecting: .bool, context: "a condition"), target: 0))
        case .once:
            return emit(.onceGuard(flag: onceFlag, condition: nil, otherwise: 0))
        case .onceIf(let expression):
            return emit(
                .onceGuard(
                    flag: onceFlag, condition: lowering.lower(expression, expecting: .bool, context: "a condition"),
                    otherwise: 0))
        }
    }

    private mutating func patchJump(at index: Int, to target: Int) {
        switch instructions[index] {
        case .jumpIfFalse(let condition, _): instructions[index] = .jumpIfFalse(condition, target: target)
        case .onceGuard(let flag, let condition, _):
            instructions[index] = .onceGuard(flag: flag, condition: condition, otherwise: target)
        default: break
        }
    }

    private mutating func nodeExpression(_ reference: NodeReference) -> Expression {
        switch reference {
        case .title(let title, _): .constant(.string(title))
        case .expression(let expression): lowering.lowerAsString(expression, context: "the node to go to")
        }
    }

    private mutating func substitutions(of line: LineSyntax) -> [Expression] {
        line.expressions.map { lowering.lower($0).0 }
    }

    /// Adds a line to the string table under its explicit id, or a new implicit one. Returns the
    /// id the line is delivered with and the key of its once flag: the same, except for a shadow
    /// line (`#shadow:ID`), which is delivered as the line it repeats (so it shares its text and
    /// translations) but keeps a once flag of its own under an implicit id.
    private mutating func register(_ line: LineSyntax, extraTags: [String] = []) -> (id: String, key: String) {
        if let source = line.shadowedID {
            checkShadow(line, of: source)
            return (source, implicitID())
        }
        let id = line.explicitID ?? implicitID()
        project.lines[id] = LineInfo(
            text: line.text, file: file, node: node.name, lineNumber: line.location.line, tags: line.tags + extraTags)
        return (id, id)
    }

    /// A new implicit line id: `line:` and the node's name and a count.
    private mutating func implicitID() -> String {
        var id: String
        repeat {
            id = "line:\(node.name).\(implicitLineCount)"
            implicitLineCount += 1
        } while project.usedLineIDs.contains(id)
        project.usedLineIDs.insert(id)
        return id
    }

    /// A shadow line must repeat a line that exists, word for word, without expressions (whose
    /// values would not be the ones of the line it repeats).
    private mutating func checkShadow(_ line: LineSyntax, of source: String) {
        let shadowTag = "#shadow:" + source.dropFirst("line:".count)
        guard let original = project.explicitLines[source] else {
            let known = project.explicitLines.keys.map { "#shadow:" + $0.dropFirst("line:".count) }
            lowering.diagnostics.append(
                Diagnostic(
                    .error, at: line.location,
                    "\(shadowTag) repeats the line '#\(source)', but no line has that id\(Suggestions.hint(for: shadowTag, in: known))"
                ))
            return
        }
        if !line.expressions.isEmpty || !original.expressions.isEmpty {
            lowering.diagnostics.append(
                Diagnostic(
                    .error, at: line.location,
                    "a shadow line cannot hold expressions ({...}): it repeats the text of '#\(source)', not its values"
                ))
        } else if line.text != original.text {
            lowering.diagnostics.append(
                Diagnostic(
                    .error, at: line.location,
                    "a shadow line must read exactly as the line it repeats ('\(original.text)' at line \(original.location.line)), but this reads '\(line.text)'"
                ))
        }
    }

    /// How specific a line-group item's condition is (Yarn Spinner's saliency complexity).
    static func complexity(of condition: LineCondition?) -> Int {
        guard let condition else { return 0 }
        var score = condition.isOnce ? 1 : 0
        if let expression = condition.expression {
            score += 1
            expression.forEach { part in
                if case .binary(let op, _, _) = part.kind, op.isLogical { score += 1 }
            }
        }
        return score
    }
}
