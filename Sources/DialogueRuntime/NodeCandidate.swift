/// One member of a node group (nodes sharing a title, each with `when:` headers), as compiled.
public struct NodeCandidate: SaliencyCandidate, Hashable, Sendable, Codable {
    /// The member's own name (`Title.subtitle`), also the key of its view count.
    public var node: String
    /// Its `when:` conditions joined with `and` (absent: `when: always`).
    public var condition: Expression?
    /// For a member with `when: once`: the flag set when it is picked.
    public var onceFlag: String?
    /// The sum of its `when:` headers' complexities.
    public var complexity: Int

    public init(node: String, condition: Expression?, onceFlag: String?, complexity: Int) {
        self.node = node
        self.condition = condition
        self.onceFlag = onceFlag
        self.complexity = complexity
    }

    public var viewKey: String { node }
}
