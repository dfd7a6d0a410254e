import DialogueRuntime

/// A function as the compiler checks its calls: one the host or the standard library offers,
/// or one inferred from how the dialogue calls it (which may take and return enums).
struct CallSignature: CustomStringConvertible {
    /// What one parameter accepts.
    enum Parameter {
        case type(YarnType)
        /// Any value, as the conversions `string(x)`, `number(x)` and `bool(x)` take.
        case any
    }

    var parameters: [Parameter]
    /// For a function that takes any number of further arguments, their type.
    var variadic: YarnType?
    var returns: YarnType

    init(parameters: [Parameter], variadic: YarnType? = nil, returns: YarnType) {
        self.parameters = parameters
        self.variadic = variadic
        self.returns = returns
    }

    init(_ signature: FunctionSignature) {
        self.init(
            parameters: signature.parameters.map {
                switch $0 {
                case .value(let type): .type(YarnType(type))
                case .any: .any
                }
            }, variadic: signature.variadic.map(YarnType.init), returns: YarnType(signature.returns))
    }

    /// What the argument at `index` must be, or nil when the function takes no argument there.
    func parameter(at index: Int) -> Parameter? {
        index < parameters.count ? parameters[index] : variadic.map(Parameter.type)
    }

    /// The signature as a writer reads it: `(Food, Number) -> Bool`.
    var description: String {
        let types = parameters.map {
            switch $0 {
            case .type(let type): type.description
            case .any: "Any"
            }
        }
        return "(" + (types + (variadic.map { ["\($0)..."] } ?? [])).joined(separator: ", ") + ") -> \(returns)"
    }

    /// How many arguments it takes, for messages: `2`, or `at least 1`.
    var arityDescription: String {
        let count = "\(parameters.count) argument\(parameters.count == 1 ? "" : "s")"
        return variadic == nil ? count : "at least " + count
    }
}
