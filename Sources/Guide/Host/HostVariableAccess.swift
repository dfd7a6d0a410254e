import DialogueRuntime

/// The host variables of a conversation's dialogue, by their typed names.
extension Conversation {
    /// Sets a host variable for the lines that follow.
    mutating func set(_ variable: HostVariable, _ value: Value) {
        state.dialogue.variables[variable.name] = value
    }

    /// A string variable's value as the dialogue sees it: set, or else as declared.
    func string(_ variable: HostVariable) -> String {
        if case .string(let text)? = state.dialogue.value(of: variable.name, in: machine.program) { return text }
        return ""
    }

    /// A number variable's value as the dialogue sees it: set, or else as declared.
    func number(_ variable: HostVariable) -> Float {
        if case .number(let value)? = state.dialogue.value(of: variable.name, in: machine.program) { return value }
        return 0
    }

    /// Whether a boolean variable is set to true.
    func isTrue(_ variable: HostVariable) -> Bool {
        state.dialogue.variables[variable.name] == .bool(true)
    }
}
