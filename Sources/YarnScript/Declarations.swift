import DialogueRuntime

/// The `<<declare>>` statements of a project. Their position does not matter: a
/// variable declared anywhere is known everywhere.
enum Declarations {
    struct Variable {
        var initialValue: Value
        var location: SourceLocation
    }

    static func collect(from nodes: [NodeSyntax], diagnostics: inout [Diagnostic]) -> [String: Variable] {
        var variables: [String: Variable] = [:]
        for node in nodes {
            StatementWalker.forEach(in: node.body) { statement in
                guard case .declare(let name, let valueSyntax, let type, let location) = statement else { return }
                guard let value = literal(valueSyntax) else {
                    diagnostics.append(
                        Diagnostic(
                            .error, at: valueSyntax.location,
                            "the value of \(name) must be written out (a number, a string, true or false), not computed"
                        ))
                    return
                }
                if let type, type != value.type {
                    diagnostics.append(
                        Diagnostic(
                            .error, at: valueSyntax.location,
                            "\(name) is declared as a \(type), but its value \(value.literal) is a \(value.type)"))
                    return
                }
                if let first = variables[name] {
                    diagnostics.append(
                        Diagnostic(
                            .error, at: location,
                            "\(name) is already declared at \(first.location.file):\(first.location.line)"))
                    return
                }
                variables[name] = Variable(initialValue: value, location: location)
            }
        }
        return variables
    }

    /// A literal, or a negated number literal.
    private static func literal(_ expression: ExpressionSyntax) -> Value? {
        switch expression.kind {
        case .literal(let value): value
        case .unary(.negate, let inner):
            if case .literal(.number(let number)) = inner.kind { .number(-number) } else { nil }
        default: nil
        }
    }
}
