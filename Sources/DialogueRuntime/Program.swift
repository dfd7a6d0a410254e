/// A compiled dialogue project: every node's instructions, every variable's initial
/// value and the base-language text of every line.
///
/// A program is immutable and can be shared by any number of conversations; everything
/// that changes while a conversation runs lives in ``DialogueState``.
public struct Program: Hashable, Sendable, Codable {
    /// The nodes, by title.
    public var nodes: [String: CompiledNode]
    /// The initial value of every variable the program uses, including internal ones.
    public var initialValues: [String: Value]
    /// The base-language text of every line and option, by line id.
    public var lines: [String: LineInfo]
    /// Nodes whose visits are not counted (`tracking: never`): `visited` is false for them, however
    /// often they ran.
    public var untrackedNodes: Set<String>

    public init(
        nodes: [String: CompiledNode] = [:], initialValues: [String: Value] = [:], lines: [String: LineInfo] = [:],
        untrackedNodes: Set<String> = []
    ) {
        self.nodes = nodes
        self.initialValues = initialValues
        self.lines = lines
        self.untrackedNodes = untrackedNodes
    }
}

/// One compiled node.
public struct CompiledNode: Hashable, Sendable, Codable {
    /// The node's title.
    public var name: String
    /// The file the node was written in.
    public var file: String
    /// Every header of the node (`title`, `tags` and any other `key: value`), in source order.
    public var headers: [Header]
    /// The instructions of the node's body.
    public var instructions: [Instruction]
    /// Which version of the node this is: a stable hash of its body as written (where it
    /// stands in its file left out, so that editing one node leaves the others' versions
    /// alone). A stored state remembers it for every node it stands in, so that a
    /// conversation never goes on at a position in a node that was edited since.
    public var version: UInt64

    public init(name: String, file: String, headers: [Header], instructions: [Instruction], version: UInt64 = 0) {
        self.name = name
        self.file = file
        self.headers = headers
        self.instructions = instructions
        self.version = version
    }

    /// The node's `tags:` header split on whitespace.
    public var tags: [String] {
        headers.first { $0.key == "tags" }.map { $0.value.split(whereSeparator: \.isWhitespace).map(String.init) } ?? []
    }

    /// The value of the first header with this key.
    public func header(_ key: String) -> String? {
        headers.first { $0.key == key }?.value
    }
}

/// A `key: value` node header.
public struct Header: Hashable, Sendable, Codable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// A line's base text and where it was written: one row of the string table.
public struct LineInfo: Hashable, Sendable, Codable {
    /// The text with `{0}`, `{1}`, ... where inline expressions go; markup is kept.
    public var text: String
    /// The file the line was written in.
    public var file: String
    /// The node it belongs to.
    public var node: String
    /// Its 1-based line number in the file.
    public var lineNumber: Int
    /// Its hashtags without `#`, including `line:` ids and the compiler's `lastline`.
    public var tags: [String]

    public init(text: String, file: String, node: String, lineNumber: Int, tags: [String]) {
        self.text = text
        self.file = file
        self.node = node
        self.lineNumber = lineNumber
        self.tags = tags
    }
}
