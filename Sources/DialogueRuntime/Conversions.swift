import Foundation

/// The conversions `number(x)` and `bool(x)` of the standard library, as Yarn Spinner defines them.
enum Conversions {
    /// A Bool is 1 or 0; a String must be written as a number (`"3"`, `" -1.5 "`).
    static func number(from value: Value) throws -> Float {
        switch value {
        case .number(let number): return number
        case .bool(let flag): return flag ? 1 : 0
        case .string(let text):
            guard let number = Float(text.trimmingCharacters(in: .whitespaces)) else {
                throw RuntimeError(.dialogueFailed, "number(\"\(text)\"): this text is not a number")
            }
            return number
        }
    }

    /// A Number is true unless it is 0; a String must be `true` or `false` (in any case).
    static func bool(from value: Value) throws -> Bool {
        switch value {
        case .bool(let flag): return flag
        case .number(let number): return number != 0
        case .string(let text):
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true": return true
            case "false": return false
            default: throw RuntimeError(.dialogueFailed, "bool(\"\(text)\"): this text is not true or false")
            }
        }
    }
}
