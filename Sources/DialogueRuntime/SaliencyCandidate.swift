/// Something the saliency strategy can pick: a line-group item or a member of a node group.
public protocol SaliencyCandidate {
    /// The key its view count is kept under (a line id, or a node name).
    var viewKey: String { get }
    /// It qualifies only when this is true (absent: always).
    var condition: Expression? { get }
    /// For candidates that may be picked once: the flag set when it is picked.
    var onceFlag: String? { get }
    /// How specific its conditions are; the `best` strategies prefer higher.
    var complexity: Int { get }
}
