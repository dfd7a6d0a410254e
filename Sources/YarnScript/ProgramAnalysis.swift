/// Checks that look at the project as a whole: jumps to nodes that do not exist
/// (errors), and likely mistakes (warnings): nodes nothing leads to, variables never
/// read, options after which the dialogue simply ends, empty nodes.
enum ProgramAnalysis {
    /// Nodes tagged with this are started by the host, so nothing needs to jump to them.
    static let entryTag = "entry"

    static func warnings(nodes: [NodeSyntax], declarations: [String: Declarations.Variable], knownNodes: Set<String>)
        -> [Diagnostic]
    {
        var diagnostics: [Diagnostic] = []
        var edges: [String: [String]] = [:]
        var detourTargets: Set<String> = []
        var hasComputedTargets = false
        var readVariables: Set<String> = []

        for node in nodes {
            if node.body.isEmpty {
                diagnostics.append(Diagnostic(.warning, at: node.titleLocation, "node '\(node.title)' has no content"))
            }
            StatementWalker.forEach(in: node.body) { statement in
                var expressions: [ExpressionSyntax] = []
                for line in StatementWalker.lines(of: statement) {
                    expressions += line.expressions
                    if let condition = line.condition?.expression { expressions.append(condition) }
                }
                switch statement {
                case .jump(let reference, _), .detour(let reference, _):
                    switch reference {
                    case .title(let title, let location):
                        if knownNodes.contains(title) {
                            edges[node.title, default: []].append(title)
                            if case .detour = statement { detourTargets.insert(title) }
                        } else {
                            let verb = if case .jump = statement { "jump" } else { "detour" }
                            diagnostics.append(
                                Diagnostic(
                                    .error, at: location,
                                    "\(verb) to unknown node '\(title)'\(Suggestions.hint(for: title, in: knownNodes))")
                            )
                        }
                    case .expression(let expression):
                        hasComputedTargets = true
                        expressions.append(expression)
                    }
                case .ifBlock(let clauses, _, _): expressions += clauses.map(\.condition)
                case .once(let condition, _, _, _): expressions += condition.map { [$0] } ?? []
                case .set(_, _, _, let value, _): expressions.append(value)
                case .call(let expression, _): expressions.append(expression)
                case .command(let pieces, _):
                    for case .expression(let expression) in pieces { expressions.append(expression) }
                default: break
                }
                for expression in expressions {
                    expression.forEach { part in
                        if case .variable(let name) = part.kind { readVariables.insert(name) }
                    }
                }
            }
        }

        if !hasComputedTargets {
            var reached: Set<String> = []
            var pending = nodes.filter { $0.title == "Start" || $0.isEntry }.map(\.title)
            while let next = pending.popLast() {
                guard reached.insert(next).inserted else { continue }
                pending += edges[next] ?? []
            }
            if !reached.isEmpty {
                for node in nodes where !reached.contains(node.title) {
                    diagnostics.append(
                        Diagnostic(
                            .warning, at: node.titleLocation,
                            "node '\(node.title)' is never reached: no jump or detour leads to it from 'Start' (add 'tags: \(entryTag)' if the host starts it)"
                        ))
                }
            }
        }

        for (name, variable) in declarations where !readVariables.contains(name) {
            diagnostics.append(Diagnostic(.warning, at: variable.location, "\(name) is declared but never used"))
        }

        for node in nodes where !detourTargets.contains(node.title) {
            guard case .options(let items)? = node.body.last else { continue }
            for item in items where item.body.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        .warning, at: item.line.location,
                        "the option '\(item.line.text)' leads nowhere: the dialogue ends as soon as it is chosen"))
            }
        }
        return diagnostics
    }
}

extension NodeSyntax {
    var isEntry: Bool {
        headers.contains {
            $0.key == "tags" && $0.value.split(separator: " ").contains(Substring(ProgramAnalysis.entryTag))
        }
    }
}
