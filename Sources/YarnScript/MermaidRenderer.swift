/// Draws a ``DialogueGraph`` as a Mermaid flowchart, which GitHub and many Markdown viewers
/// show as a picture: one subgraph per file, `-->` for jumps (labelled with the options chosen
/// on the way), `-.->` for detours, `-.-o` from a node group to its members; nodes that give
/// host commands and nodes never reached get classes of their own.
public enum MermaidRenderer {
    /// The graph as a Mermaid `flowchart`, for a ```` ```mermaid ```` block.
    public static func render(_ graph: DialogueGraph) -> String {
        var ids: [String: String] = [:]
        for (index, node) in graph.nodes.enumerated() { ids[node.name] = "n\(index)" }
        var lines = ["flowchart LR"]
        for (index, (file, nodes)) in graph.files.enumerated() {
            lines.append("    subgraph f\(index)[\(quoted(file))]")
            for node in nodes {
                let label = quoted(graph.labelLines(of: node).joined(separator: "<br/>"), keepingBreaks: true)
                let shape = node.isGroup ? "{\(label)}" : node.name == "Start" ? "([\(label)])" : "[\(label)]"
                lines.append("        \(ids[node.name] ?? "")\(shape)")
            }
            lines.append("    end")
        }
        for edge in graph.edges {
            guard let from = ids[edge.from], let to = ids[edge.to] else { continue }
            let arrow =
                switch edge.kind {
                case .jump: "-->"
                case .detour: "-.->"
                case .member: "-.-o"
                }
            let label = graph.label(of: edge)
            lines.append("    \(from) \(arrow)\(label.isEmpty ? "" : "|\(quoted(label))|") \(to)")
        }
        let host = graph.nodes.filter { !$0.hostCommands.isEmpty }.compactMap { ids[$0.name] }
        let unreachable = graph.nodes.filter(\.isUnreachable).compactMap { ids[$0.name] }
        lines.append("    classDef host fill:#fff2cc,stroke:#b7950b")
        lines.append("    classDef unreachable stroke:#c0392b,stroke-dasharray:4 4,color:#c0392b")
        if !host.isEmpty { lines.append("    class \(host.joined(separator: ",")) host") }
        if !unreachable.isEmpty { lines.append("    class \(unreachable.joined(separator: ",")) unreachable") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Mermaid label in quotes, with the characters Mermaid would read as syntax written as
    /// entities (`<br/>` line breaks kept where asked).
    private static func quoted(_ text: String, keepingBreaks: Bool = false) -> String {
        var escaped = text.replacingOccurrences(of: "&", with: "#amp;").replacingOccurrences(of: "\"", with: "#quot;")
            .replacingOccurrences(of: "<", with: "#lt;").replacingOccurrences(of: ">", with: "#gt;")
        if keepingBreaks { escaped = escaped.replacingOccurrences(of: "#lt;br/#gt;", with: "<br/>") }
        return "\"\(escaped)\""
    }
}
