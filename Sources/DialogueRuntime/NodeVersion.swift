extension Program {
    /// Gives every node its ``CompiledNode/version``: a stable hash of its instructions and of
    /// the text and hashtags of its lines and options. Where it was written (its file, its
    /// line numbers) is left out, so that editing one node leaves the versions of the nodes
    /// after it unchanged.
    public mutating func stampNodeVersions() {
        let linesByNode = Dictionary(grouping: lines, by: \.value.node)
        for name in nodes.keys {
            var description = String(describing: nodes[name]!.instructions)
            for (id, line) in (linesByNode[name] ?? []).sorted(by: { $0.key < $1.key }) {
                description += "\u{1}\(id)\u{2}\(line.text)\u{2}\(line.tags.joined(separator: "\u{3}"))"
            }
            nodes[name]!.version = StableHash.of(description)
        }
    }
}
