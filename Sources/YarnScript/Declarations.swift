import DialogueRuntime

/// The `<<declare>>` statements of a project. Their position does not matter: a variable
/// declared anywhere is known everywhere.
///
/// A declaration whose value is written out (`<<declare $n = 0>>`, `-1`, `"text"`, `Food.Apple`)
/// makes a variable the conversation stores. Any other value makes a smart variable
/// (`<<declare $can_afford = $money > 10>>`): stored nowhere, computed from its expression
/// wherever it is read, and never set.
struct Declarations {
    /// A variable with its initial value.
    struct Variable {
        var type: YarnType
        var initialValue: Value
        var location: SourceLocation
    }

    /// A smart variable: its expression, and its type when `as` names one.
    struct SmartVariable {
        var expression: ExpressionSyntax
        var type: YarnType?
        var location: SourceLocation
    }

    private(set) var variables: [String: Variable] = [:]
    private(set) var smartVariables: [String: SmartVariable] = [:]

    /// Where every declared name, stored or smart, was declared.
    var locations: [String: SourceLocation] {
        variables.mapValues(\.location).merging(smartVariables.mapValues(\.location)) { first, _ in first }
    }

    static func collect(from nodes: [NodeSyntax], enums: EnumTable, diagnostics: inout [Diagnostic]) -> Declarations {
        var declarations = Declarations()
        for node in nodes {
            StatementWalker.forEach(in: node.body) { statement in
                guard case .declare(let name, let valueSyntax, let typeName, let location) = statement else { return }
                if let first = declarations.locations[name] {
                    diagnostics.append(
                        Diagnostic(
                            .error, at: location, "\(name) is already declared at \(first.file):\(first.line)"))
                    return
                }
                var annotated: YarnType?
                if let typeName {
                    guard let type = enums.type(named: typeName.name) else {
                        diagnostics.append(
                            Diagnostic(
                                .error, at: typeName.location,
                                "unknown type '\(typeName.name)'; use bool, number, string or the name of an enum\(Suggestions.hint(for: typeName.name, in: enums.enums.keys))"
                            ))
                        return
                    }
                    annotated = type
                }
                guard let written = constant(valueSyntax, hint: annotated, enums: enums) else {
                    declarations.smartVariables[name] = SmartVariable(
                        expression: valueSyntax, type: annotated, location: location)
                    return
                }
                switch written {
                case .failure(let problem):
                    diagnostics.append(Diagnostic(.error, at: valueSyntax.location, problem.message))
                case .success(let (type, value)):
                    if let annotated, annotated != type {
                        diagnostics.append(
                            Diagnostic(
                                .error, at: valueSyntax.location,
                                "\(name) is declared as \(annotated.withArticle), but its value \(value.literal) is \(type.withArticle)"
                            ))
                        return
                    }
                    declarations.variables[name] = Variable(type: type, initialValue: value, location: location)
                }
            }
        }
        return declarations
    }

    /// The type and value of a value written out: a literal, a negated number or an enum case;
    /// nil for any other expression (a smart variable's).
    private static func constant(_ expression: ExpressionSyntax, hint: YarnType?, enums: EnumTable)
        -> Result<(YarnType, Value), EnumTable.Problem>?
    {
        switch expression.kind {
        case .literal(let value): .success((YarnType(value.type), value))
        case .unary(.negate, let inner):
            if case .literal(.number(let number)) = inner.kind { .success((.number, .number(-number))) } else { nil }
        case .enumCase(let typeName, let name): enums.resolve(case: name, of: typeName, hint: hint)
        default: nil
        }
    }
}
