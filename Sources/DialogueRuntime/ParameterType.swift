/// What a function accepts for one of its parameters.
public enum ParameterType: Hashable, Sendable, CustomStringConvertible {
    /// A value of this type.
    case value(ValueType)
    /// A value of any type, as the conversions `string(x)`, `number(x)` and `bool(x)` take.
    case any

    public var description: String {
        switch self {
        case .value(let type): type.description
        case .any: "value of any type"
        }
    }
}
