import DialogueRuntime

/// The hub of a node group: the node the group's title names. Starting, jumping or detouring
/// to the title runs it; it picks one member whose `when:` headers hold, by the saliency
/// strategy, and runs it as a detour, then ends. With no member to pick it just ends.
enum NodeGroupHub {
    static func compile(title: String, members: [NodeSyntax], file: String, lowering: inout ExpressionLowering)
        -> CompiledNode
    {
        let candidates = members.map { member in
            let conditions = member.whenHeaders.compactMap(\.condition)
            let tests = conditions.compactMap(\.expression).map {
                lowering.lower($0, expecting: .bool, context: "a 'when:' condition")
            }
            return NodeCandidate(
                node: member.name,
                condition: tests.dropFirst().reduce(tests.first) { all, next in all.map { .binary(.and, $0, next) } },
                onceFlag: conditions.contains(where: \.isOnce) ? member.name : nil,
                complexity: member.whenHeaders.map { NodeCompiler.complexity(of: $0.condition) }.reduce(0, +))
        }
        let version = StableHash.of(
            members.map { "\($0.name) \($0.bodyVersion) \($0.headers.filter { $0.key == "when" }.map(\.value))" }
                .joined(separator: "\n"))
        return CompiledNode(
            name: title, file: file, headers: [Header(key: "title", value: title)],
            instructions: [.runNodeGroup(candidates)], version: version)
    }
}
