/// The parameter and return types of a function callable from dialogue.
public struct FunctionSignature: Hashable, Sendable {
    /// The parameters every call passes, in order.
    public var parameters: [ParameterType]
    /// For a function that takes any number of further arguments (after ``parameters``),
    /// their type; nil for a function with a fixed number of arguments.
    public var variadic: ValueType?
    /// The type of the result.
    public var returns: ValueType

    public init(parameters: [ParameterType], variadic: ValueType? = nil, returns: ValueType) {
        self.parameters = parameters
        self.variadic = variadic
        self.returns = returns
    }

    /// A function with a fixed number of parameters of these types.
    public init(_ parameters: [ValueType], returns: ValueType) {
        self.init(parameters: parameters.map(ParameterType.value), returns: returns)
    }
}
