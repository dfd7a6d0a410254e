/// Draws a ``DialogueGraph`` in Graphviz's DOT language (`gids graph | dot -Tsvg > graph.svg`):
/// one cluster per file, a box per node (a diamond for a node group), solid arrows for jumps,
/// dashed ones for detours, dotted ones from a group to its members; edges carry the options
/// chosen on the way. Nodes that give host commands are filled and name them; nodes never
/// reached are red and dashed; `Start` and entry nodes have a double border.
public enum GraphvizRenderer {
    /// The graph as a DOT `digraph` named `title`.
    public static func render(_ graph: DialogueGraph, title: String = "dialogue") -> String {
        var lines = [
            "digraph \(quoted(title)) {",
            "    graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12];",
            "    node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=11];",
            "    edge [fontname=\"Helvetica\", fontsize=9];",
        ]
        for (index, (file, nodes)) in graph.files.enumerated() {
            lines.append("    subgraph \(quoted("cluster_\(index)")) {")
            lines.append("        label=\(quoted(file)); style=dashed; color=\"#999999\";")
            for node in nodes { lines.append("        " + statement(for: node, in: graph)) }
            lines.append("    }")
        }
        for edge in graph.edges {
            var attributes: [String] = []
            switch edge.kind {
            case .jump: break
            case .detour: attributes.append("style=dashed")
            case .member: attributes += ["style=dotted", "arrowhead=open"]
            }
            let label = graph.label(of: edge)
            if !label.isEmpty { attributes.append("label=\(quoted(label))") }
            let list = attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]"
            lines.append("    \(quoted(edge.from)) -> \(quoted(edge.to))\(list);")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func statement(for node: DialogueGraph.Node, in graph: DialogueGraph) -> String {
        var attributes = ["label=\(quoted(graph.labelLines(of: node).joined(separator: "\n")))"]
        var styles = ["rounded"]
        if node.isGroup { attributes.append("shape=diamond") }
        if !node.hostCommands.isEmpty {
            styles.append("filled")
            attributes.append("fillcolor=\"#fff2cc\"")
        }
        if node.isUnreachable {
            styles.append("dashed")
            attributes += ["color=\"#c0392b\"", "fontcolor=\"#c0392b\""]
        }
        if node.name == "Start" || node.tags.contains(ProgramAnalysis.entryTag) { attributes.append("peripheries=2") }
        attributes.append("style=\(quoted(styles.joined(separator: ",")))")
        return "\(quoted(node.name)) [\(attributes.joined(separator: ", "))];"
    }

    /// A DOT string: quotes and backslashes escaped, line breaks as `\n`.
    static func quoted(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        return "\"\(escaped)\""
    }
}
