import DialogueRuntime

/// The type of a variable or expression as the compiler checks it: one of the runtime's value
/// types, or an enum the project declares (which the runtime holds as the case's raw value).
enum YarnType: Hashable, CustomStringConvertible {
    case bool
    case number
    case string
    /// An enum declared with `<<enum Name>>`, by its name.
    case enumeration(String)

    init(_ type: ValueType) {
        switch type {
        case .bool: self = .bool
        case .number: self = .number
        case .string: self = .string
        }
    }

    /// The type after "a" or "an", for messages: `a Number`, `an Animal`.
    var withArticle: String {
        let name = description
        return ("AEIOU".contains(name.prefix(1)) ? "an " : "a ") + name
    }

    /// The type as a script names it: `Bool`, `Number`, `String` or the enum's name.
    var description: String {
        switch self {
        case .bool: "Bool"
        case .number: "Number"
        case .string: "String"
        case .enumeration(let name): name
        }
    }
}
