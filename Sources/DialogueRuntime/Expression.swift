/// A type-checked expression as the virtual machine evaluates it.
///
/// The compiler resolves operator aliases (`eq`, `and`, ...) and checks types, so
/// evaluation never needs to look at source text.
public indirect enum Expression: Hashable, Sendable, Codable {
    case constant(Value)
    case variable(String)
    case unary(UnaryOperator, Expression)
    case binary(BinaryOperator, Expression, Expression)
    case call(function: String, arguments: [Expression])
}

/// A prefix operator.
public enum UnaryOperator: String, Hashable, Sendable, Codable {
    case negate = "-"
    case not = "!"
}

/// An infix operator. Comparison and logic operators produce a Bool.
public enum BinaryOperator: String, Hashable, Sendable, Codable, CaseIterable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case modulo = "%"
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case equal = "=="
    case notEqual = "!="
    case and = "&&"
    case or = "||"
    case xor = "^"

    /// Whether this is one of `&&`, `||`, `^` (counted by the saliency complexity rule).
    public var isLogical: Bool { self == .and || self == .or || self == .xor }
}
