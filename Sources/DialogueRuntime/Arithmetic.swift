/// The meaning of Yarn's binary operators on values.
enum Arithmetic {
    static func apply(_ op: BinaryOperator, _ left: Value, _ right: Value) throws -> Value {
        switch (op, left, right) {
        case (.add, .number(let a), .number(let b)): return .number(a + b)
        case (.add, .string(let a), .string(let b)): return .string(a + b)
        case (.subtract, .number(let a), .number(let b)): return .number(a - b)
        case (.multiply, .number(let a), .number(let b)): return .number(a * b)
        case (.divide, .number(let a), .number(let b)):
            guard b != 0 else { throw RuntimeError(.dialogueFailed, "division by zero (\(a.formatted) / 0)") }
            return .number(a / b)
        case (.modulo, .number(let a), .number(let b)):
            let dividend = a.rounded(.toNearestOrEven)
            let divisor = b.rounded(.toNearestOrEven)
            guard divisor != 0 else {
                throw RuntimeError(.dialogueFailed, "division by zero (\(a.formatted) % \(b.formatted))")
            }
            return .number(dividend.truncatingRemainder(dividingBy: divisor))
        case (.less, .number(let a), .number(let b)): return .bool(a < b)
        case (.lessOrEqual, .number(let a), .number(let b)): return .bool(a <= b)
        case (.greater, .number(let a), .number(let b)): return .bool(a > b)
        case (.greaterOrEqual, .number(let a), .number(let b)): return .bool(a >= b)
        case (.equal, _, _) where left.type == right.type: return .bool(left == right)
        case (.notEqual, _, _) where left.type == right.type: return .bool(left != right)
        case (.and, .bool(let a), .bool(let b)): return .bool(a && b)
        case (.or, .bool(let a), .bool(let b)): return .bool(a || b)
        case (.xor, .bool(let a), .bool(let b)): return .bool(a != b)
        default:
            throw RuntimeError(.dialogueFailed, "'\(op.rawValue)' cannot be applied to \(left.type) and \(right.type)")
        }
    }
}
