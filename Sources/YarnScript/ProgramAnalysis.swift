/// Checks that look at the project as a whole: jumps to nodes that do not exist
/// (errors), and likely mistakes (warnings): nodes nothing leads to, variables never
/// read, options after which the dialogue simply ends, empty nodes.
enum ProgramAnalysis {
    /// Nodes tagged with this are started by the host, so nothing needs to jump to them.
    static let entryTag = "entry"

    static func diagnostics(
        groups: NodeGroups, graph: DialogueGraph, unknownTargets: [DialogueGraph.UnknownTarget],
        declarations: [String: SourceLocation], smartVariables: [ExpressionSyntax]
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let nodes = groups.nodes.map(\.syntax)
        let known = groups.names
        for target in unknownTargets {
            diagnostics.append(
                Diagnostic(
                    .error, at: target.location,
                    "\(target.kind.rawValue) to unknown node '\(target.title)'\(Suggestions.hint(for: target.title, in: known))"
                ))
        }

        var readVariables: Set<String> = []
        func read(_ expression: ExpressionSyntax) {
            expression.forEach { part in
                if case .variable(let name) = part.kind { readVariables.insert(name) }
            }
        }
        smartVariables.forEach(read)
        for node in nodes {
            if node.body.isEmpty {
                diagnostics.append(Diagnostic(.warning, at: node.titleLocation, "node '\(node.name)' has no content"))
            }
            node.whenHeaders.compactMap(\.condition?.expression).forEach(read)
            StatementWalker.forEach(in: node.body) { statement in
                StatementWalker.expressions(in: statement).forEach(read)
            }
        }

        let syntaxByName = Dictionary(nodes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for node in graph.nodes where node.isUnreachable {
            guard let syntax = syntaxByName[node.name] else { continue }
            diagnostics.append(
                Diagnostic(
                    .warning, at: syntax.titleLocation,
                    "node '\(node.name)' is never reached: no jump or detour leads to it from 'Start' (add 'tags: \(entryTag)' if the host starts it)"
                ))
        }

        for (name, location) in declarations where !readVariables.contains(name) {
            diagnostics.append(Diagnostic(.warning, at: location, "\(name) is declared but never used"))
        }

        // A node that was detoured into returns to its caller; a group member returns to the hub,
        // which returns to whoever started the group.
        let detourTargets = Set(graph.edges.filter { $0.kind == .detour }.map(\.to))
        for node in nodes where !detourTargets.contains(node.whenHeaders.isEmpty ? node.name : node.title) {
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
