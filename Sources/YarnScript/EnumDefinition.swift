import DialogueRuntime

/// A checked enum: its cases in order, each with its raw value (what the runtime holds).
struct EnumDefinition {
    var name: String
    /// Number (the default: cases are 0, 1, 2, ...) or String.
    var rawType: ValueType
    /// The cases in the order written, with their raw values.
    var cases: [(name: String, rawValue: Value)]

    /// The raw value of a case, or nil when the enum has no such case.
    func rawValue(of caseName: String) -> Value? {
        cases.first { $0.name == caseName }?.rawValue
    }
}
