/// The shape of a dialogue project: its nodes and the ways between them (jumps, detours, and
/// the members a node group picks from), with the options chosen on the way. `gids graph`
/// draws it; the compiler's checks of unknown and unreachable nodes read it.
public struct DialogueGraph: Hashable, Sendable {
    /// A node of the project, or the hub of a node group.
    public struct Node: Hashable, Sendable {
        /// The node's name in the program (a group member's is `Title.subtitle`).
        public var name: String
        public var file: String
        /// The line of its title.
        public var line: Int
        public var tags: [String]
        /// For a member of a node group: the group's title.
        public var group: String?
        /// For a member of a node group: its `when:` headers as written (`always`, `$night`).
        public var conditions: [String]
        /// Whether this is the hub of a node group, which the group's title names.
        public var isGroup: Bool
        /// The commands it gives the host, of those asked for (see ``Compiler/graph(paths:hostCommands:)``).
        public var hostCommands: [String]
        /// Whether no way leads here from `Start` or a node tagged `entry`. Always false when a
        /// jump or detour computes its target, as then any node may be reached.
        public var isUnreachable: Bool
    }

    /// How one node leads to another.
    public enum EdgeKind: String, Hashable, Sendable {
        /// `<<jump>>`: the dialogue goes on there.
        case jump
        /// `<<detour>>`: the node runs there and comes back.
        case detour
        /// A node group's hub may pick this member.
        case member
    }

    /// A way from one node to another.
    public struct Edge: Hashable, Sendable {
        /// The node the way leaves (by its name in the program).
        public var from: String
        /// The node it leads to: a node's name, or a node group's title.
        public var to: String
        public var kind: EdgeKind
        /// The options (`->`) and line-group items (`=>`) chosen on the way, outermost first.
        public var options: [String]
    }

    public var nodes: [Node]
    public var edges: [Edge]
    /// The nodes with a jump or detour whose target is computed (`<<jump {$next}>>`).
    public var computedTargets: [String]
}

extension DialogueGraph {
    /// The part of the graph written in these files: their nodes, the ways out of them, and the
    /// nodes those ways lead to elsewhere.
    public func focused(on files: Set<String>) -> DialogueGraph {
        let kept = edges.filter { edge in nodes.contains { $0.name == edge.from && files.contains($0.file) } }
        let names = Set(kept.flatMap { [$0.from, $0.to] })
        return DialogueGraph(
            nodes: nodes.filter { files.contains($0.file) || names.contains($0.name) }, edges: kept,
            computedTargets: computedTargets.filter(names.contains))
    }

    /// The text on an edge: the options chosen on the way (`Goed › Verder`), or for a group
    /// member its `when:` headers; long options are shortened.
    func label(of edge: Edge) -> String {
        let parts =
            edge.kind == .member
            ? (nodes.first { $0.name == edge.to }?.conditions ?? []).map { "when: " + $0 } : edge.options
        return parts.map { $0.count > 32 ? $0.prefix(31) + "…" : $0 }.joined(separator: " › ")
    }

    /// The lines of a node's label: its name, the host commands it gives, and whether it is never reached.
    func labelLines(of node: Node) -> [String] {
        [node.isGroup ? "node group \(node.name)" : node.name] + node.hostCommands.map { "<<\($0)>>" }
            + (node.isUnreachable ? ["(never reached)"] : [])
    }

    /// The files of the graph in the order their first node is written, each with its nodes.
    var files: [(file: String, nodes: [Node])] {
        var order: [String] = []
        var byFile: [String: [Node]] = [:]
        for node in nodes.sorted(by: { ($0.file, $0.line, $0.name) < ($1.file, $1.line, $1.name) }) {
            if byFile[node.file] == nil { order.append(node.file) }
            byFile[node.file, default: []].append(node)
        }
        return order.map { ($0, byFile[$0] ?? []) }
    }

    /// A jump or detour to a title no node has.
    struct UnknownTarget {
        var title: String
        var location: SourceLocation
        var kind: EdgeKind
    }

    /// Builds the graph of a project's nodes. To draw it, `hostCommands` names the commands to
    /// note on the nodes that give them, and edges carry the options on the way; without it,
    /// only the ways between nodes are found, which is all the compiler's checks need (and
    /// cheaper on a large script).
    static func build(
        _ groups: NodeGroups, drawingWith hostCommands: Set<String>?
    ) -> (graph: DialogueGraph, unknownTargets: [UnknownTarget]) {
        let known = groups.names
        var graph = DialogueGraph(nodes: [], edges: [], computedTargets: [])
        var unknown: [UnknownTarget] = []
        for (title, members) in groups.members.sorted(by: { $0.key < $1.key }) {
            guard let first = members.first else { continue }
            let file = groups.nodes.first { $0.syntax.name == first.name }?.file ?? first.titleLocation.file
            graph.nodes.append(
                Node(
                    name: title, file: file, line: first.titleLocation.line, tags: [], group: nil, conditions: [],
                    isGroup: true, hostCommands: [], isUnreachable: false))
            graph.edges += members.map { Edge(from: title, to: $0.name, kind: .member, options: []) }
        }
        for (node, file) in groups.nodes {
            var commands: [String] = []
            var hasComputedTarget = false
            func visit(_ statement: Statement, _ path: [String]) {
                switch statement {
                case .jump(let reference, _), .detour(let reference, _):
                    let kind: EdgeKind = if case .jump = statement { .jump } else { .detour }
                    switch reference {
                    case .title(let title, let location):
                        if known.contains(title) {
                            graph.edges.append(Edge(from: node.name, to: title, kind: kind, options: path))
                        } else {
                            unknown.append(UnknownTarget(title: title, location: location, kind: kind))
                        }
                    case .expression:
                        hasComputedTarget = true
                    }
                case .command(let pieces, _):
                    if let hostCommands, case .text(let text)? = pieces.first,
                        let word = text.split(separator: " ").first, hostCommands.contains(String(word)),
                        !commands.contains(String(word))
                    {
                        commands.append(String(word))
                    }
                default:
                    break
                }
            }
            if hostCommands == nil {
                StatementWalker.forEach(in: node.body) { visit($0, []) }
            } else {
                StatementWalker.forEach(in: node.body, path: [], visit)
            }
            if hasComputedTarget { graph.computedTargets.append(node.name) }
            graph.nodes.append(
                Node(
                    name: node.name, file: file, line: node.titleLocation.line,
                    tags: node.headers.first { $0.key == "tags" }?.value.split(separator: " ").map(String.init) ?? [],
                    group: node.whenHeaders.isEmpty ? nil : node.title,
                    conditions: node.headers.filter { $0.key == "when" }.map(\.value), isGroup: false,
                    hostCommands: commands, isUnreachable: false))
        }
        graph.markUnreachable()
        return (graph, unknown)
    }

    /// Flags the nodes no way leads to from `Start` or an entry node, unless a computed target
    /// makes any node reachable.
    private mutating func markUnreachable() {
        guard computedTargets.isEmpty else { return }
        let entries = nodes.filter { $0.name == "Start" || $0.tags.contains(ProgramAnalysis.entryTag) }.map(\.name)
        guard !entries.isEmpty else { return }
        var next: [String: [String]] = [:]
        for edge in edges { next[edge.from, default: []].append(edge.to) }
        var reached: Set<String> = []
        var pending = entries
        while let name = pending.popLast() {
            guard reached.insert(name).inserted else { continue }
            pending += next[name] ?? []
        }
        for index in nodes.indices { nodes[index].isUnreachable = !reached.contains(nodes[index].name) }
    }
}
