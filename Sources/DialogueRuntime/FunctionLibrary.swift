/// Functions the host offers to dialogue, with typed parameters.
///
/// The compiler checks calls against ``signatures`` (which include the built-ins); the
/// virtual machine calls the implementations. A function the program was compiled
/// against but that is missing here becomes a run-time error event, not a crash.
public struct FunctionLibrary: Sendable {
    /// A host function's implementation. Arguments arrive already type-checked.
    public typealias Implementation = @Sendable ([Value]) throws -> Value

    struct HostFunction: Sendable {
        var signature: FunctionSignature
        var implementation: Implementation
    }

    private(set) var hostFunctions: [String: HostFunction] = [:]

    public init() {}

    /// Makes a function available to dialogue under `name`, replacing any earlier one.
    /// - Parameters:
    ///   - parameters: the type of each argument every call passes.
    ///   - variadic: for a function that takes any number of further arguments, their type.
    ///   - returns: the type of the result.
    public mutating func register(
        _ name: String, parameters: [ValueType], variadic: ValueType? = nil, returns: ValueType,
        _ implementation: @escaping Implementation
    ) {
        hostFunctions[name] = HostFunction(
            signature: FunctionSignature(
                parameters: parameters.map(ParameterType.value), variadic: variadic,
                returns: returns),
            implementation: implementation)
    }

    /// Every function dialogue may call: the built-ins and this library's host functions.
    public var signatures: [String: FunctionSignature] {
        BuiltinFunctions.signatures.merging(hostFunctions.mapValues(\.signature)) { _, host in host }
    }
}
