/// The type of a Yarn value, known at compile time for every variable and expression.
public enum ValueType: String, Codable, Sendable, CustomStringConvertible {
    case bool
    case number
    case string

    public var description: String {
        switch self {
        case .bool: "Bool"
        case .number: "Number"
        case .string: "String"
        }
    }
}

/// A value in a running dialogue: a variable's content or an expression's result.
///
/// Numbers are 32-bit floats, as in the Yarn Spinner language, so that
/// `0.1 + 0.1 == 0.2` and rounding behave as writers expect from the reference implementation.
public enum Value: Hashable, Sendable {
    case bool(Bool)
    case number(Float)
    case string(String)

    /// The type of this value.
    public var type: ValueType {
        switch self {
        case .bool: .bool
        case .number: .number
        case .string: .string
        }
    }

    /// The value as it appears in a line, option or command: `True`/`False`,
    /// numbers without a trailing `.0`, strings as they are.
    public var text: String {
        switch self {
        case .bool(let value): value ? "True" : "False"
        case .number(let value): Value.format(value)
        case .string(let value): value
        }
    }

    /// The default value of a type: `false`, `0` or the empty string.
    public static func defaultValue(of type: ValueType) -> Value {
        switch type {
        case .bool: .bool(false)
        case .number: .number(0)
        case .string: .string("")
        }
    }

    static func format(_ number: Float) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        if number == number.rounded(), abs(number) < 1e15 {
            return String(Int64(number))
        }
        return "\(number)"
    }
}

extension Value: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let number = try? container.decode(Float.self) {
            self = .number(number)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        }
    }
}
