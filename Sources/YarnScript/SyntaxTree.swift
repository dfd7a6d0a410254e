import DialogueRuntime

/// A parsed dialogue file: its file tags and its nodes, not yet checked.
struct FileSyntax {
    var path: String
    var nodes: [NodeSyntax]
}

/// A parsed node.
struct NodeSyntax {
    var title: String
    var titleLocation: SourceLocation
    /// The node's own name in the program: its title, or for a member of a node group
    /// `Title.subtitle` (set by ``NodeGroups``).
    var name: String
    var headers: [Header]
    /// Its `when:` headers: a node with any is a member of the node group its title names.
    var whenHeaders: [WhenHeader]
    /// The `subtitle:` header, which names a member of a node group (`Title.subtitle`).
    var subtitle: String?
    /// False for a node with `tracking: never`, whose visits are not counted.
    var isTracked: Bool
    /// The enums declared in the node's body.
    var enums: [EnumSyntax]
    var body: [Statement]
    /// The `---` line: where the body starts.
    var bodyLocation: SourceLocation
    /// A stable hash of the body as written (see ``CompiledNode/version``).
    var bodyVersion: UInt64
}

/// One statement of a node body.
indirect enum Statement {
    case line(LineSyntax)
    case options([OptionSyntax])
    case lineGroup([OptionSyntax])
    case ifBlock(
        clauses: [(condition: ExpressionSyntax, body: [Statement])], elseBody: [Statement], location: SourceLocation)
    case once(condition: ExpressionSyntax?, body: [Statement], elseBody: [Statement], location: SourceLocation)
    case set(
        variable: String, variableLocation: SourceLocation, operator: BinaryOperator?, value: ExpressionSyntax,
        location: SourceLocation)
    case declare(variable: String, value: ExpressionSyntax, type: TypeName?, location: SourceLocation)
    case jump(NodeReference, location: SourceLocation)
    case detour(NodeReference, location: SourceLocation)
    case returnFromNode(location: SourceLocation)
    case call(ExpressionSyntax, location: SourceLocation)
    case command([CommandPieceSyntax], location: SourceLocation)
}

/// The target of a jump or detour: a node title, or an expression giving one.
enum NodeReference {
    case title(String, SourceLocation)
    case expression(ExpressionSyntax)
}

/// A piece of a generic command's text.
enum CommandPieceSyntax {
    case text(String)
    case expression(ExpressionSyntax)
}

/// The condition written after a line, option or line-group item.
enum LineCondition {
    case when(ExpressionSyntax)
    case once
    case onceIf(ExpressionSyntax)

    var expression: ExpressionSyntax? {
        switch self {
        case .when(let expression), .onceIf(let expression): expression
        case .once: nil
        }
    }

    var isOnce: Bool {
        if case .when = self { return false }
        return true
    }
}

/// A line of text (also the text of an option or a line-group item).
struct LineSyntax {
    /// The text with `{0}`, `{1}`, ... where the expressions go, trimmed.
    var text: String
    var expressions: [ExpressionSyntax]
    var condition: LineCondition?
    /// Hashtags without `#`.
    var tags: [String]
    var location: SourceLocation

    /// The explicit `#line:` id, if any.
    var explicitID: String? {
        tags.first { $0.hasPrefix("line:") }
    }

    /// For a shadow line (`#shadow:ID`), the id of the line whose text it repeats (`line:ID`).
    var shadowedID: String? {
        tags.first { $0.hasPrefix("shadow:") }.map { "line:" + $0.dropFirst("shadow:".count) }
    }
}

/// An option (`->`) or line-group item (`=>`) with its indented body.
struct OptionSyntax {
    var line: LineSyntax
    var body: [Statement]
}

/// An expression as written, with where it was written.
struct ExpressionSyntax {
    indirect enum Kind {
        case literal(Value)
        case variable(String)
        case unary(UnaryOperator, ExpressionSyntax)
        case binary(BinaryOperator, ExpressionSyntax, ExpressionSyntax)
        case call(String, [ExpressionSyntax])
        /// A case of an enum: `Food.Apple`, or `.Apple` where the enum is told by the context.
        case enumCase(type: String?, name: String)
    }

    var kind: Kind
    var location: SourceLocation
}
