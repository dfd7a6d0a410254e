import DialogueRuntime

/// The enums a project declares (`<<enum>>` ... `<<endenum>>`), checked, by name. Like
/// variables, an enum declared anywhere is known everywhere.
struct EnumTable {
    private(set) var enums: [String: EnumDefinition] = [:]

    /// Collects and checks every enum of the project. An enum with an error is reported and
    /// left out, so that its uses are reported as unknown rather than checked against it.
    static func collect(from nodes: [NodeSyntax], diagnostics: inout [Diagnostic]) -> EnumTable {
        var table = EnumTable()
        var locations: [String: SourceLocation] = [:]
        for syntax in nodes.flatMap(\.enums) {
            if ["bool", "number", "string"].contains(syntax.name.lowercased()) {
                diagnostics.append(
                    Diagnostic(
                        .error, at: syntax.location, "'\(syntax.name)' is a built-in type; give the enum another name"))
                continue
            }
            if let first = locations[syntax.name] {
                diagnostics.append(.duplicate("an enum named '\(syntax.name)'", at: syntax.location, first: first))
                continue
            }
            locations[syntax.name] = syntax.location
            if let definition = check(syntax, diagnostics: &diagnostics) { table.enums[syntax.name] = definition }
        }
        return table
    }

    /// The checks of Yarn Spinner: at least one case, unique names, raw values that are constants,
    /// all of one type (Number or String), all given if any is, unique, and whole numbers.
    private static func check(_ syntax: EnumSyntax, diagnostics: inout [Diagnostic]) -> EnumDefinition? {
        let errorsBefore = diagnostics.count
        func error(_ location: SourceLocation, _ message: String) {
            diagnostics.append(Diagnostic(.error, at: location, message))
        }
        if syntax.cases.isEmpty {
            error(syntax.location, "the enum \(syntax.name) has no cases; add at least one, like <<case First>>")
        }
        var seenNames: [String: SourceLocation] = [:]
        var rawValues: [(case: EnumSyntax.Case, value: Value)] = []
        for enumCase in syntax.cases {
            if let first = seenNames[enumCase.name] {
                error(
                    enumCase.location,
                    "the enum \(syntax.name) already has a case named \(enumCase.name) (at line \(first.line)); each case needs its own name"
                )
            }
            seenNames[enumCase.name] = seenNames[enumCase.name] ?? enumCase.location
            guard let written = enumCase.rawValue else { continue }
            switch constant(written) {
            case .success(let value): rawValues.append((enumCase, value))
            case .failure(let problem): error(written.location, problem.message)
            }
        }
        guard diagnostics.count == errorsBefore else { return nil }
        guard let firstValue = rawValues.first else {
            return EnumDefinition(
                name: syntax.name, rawType: .number,
                cases: syntax.cases.enumerated().map { ($0.element.name, .number(Float($0.offset))) })
        }
        let rawType = firstValue.value.type
        if let mixed = rawValues.first(where: { $0.value.type != rawType }) {
            error(
                mixed.case.rawValue?.location ?? mixed.case.location,
                "the raw values of \(syntax.name) must all be of one type: this is a \(mixed.value.type), but \(firstValue.case.name)'s is a \(rawType)"
            )
        }
        for enumCase in syntax.cases where enumCase.rawValue == nil {
            error(
                enumCase.location,
                "\(enumCase.name) needs a raw value too: when one case of an enum has a value, they all must (like <<case \(enumCase.name) = \(rawType == .string ? "\"\(enumCase.name)\"" : "1")>>)"
            )
        }
        var firstWithValue: [Value: String] = [:]
        for (enumCase, value) in rawValues {
            if let other = firstWithValue[value] {
                error(
                    enumCase.rawValue?.location ?? enumCase.location,
                    "\(enumCase.name) has the same raw value as \(other) (\(value.literal)); each case needs its own value"
                )
            }
            firstWithValue[value] = firstWithValue[value] ?? enumCase.name
            if case .number(let number) = value, number != number.rounded(.towardZero) {
                error(
                    enumCase.rawValue?.location ?? enumCase.location,
                    "the raw value of \(enumCase.name) must be a whole number")
            }
        }
        guard diagnostics.count == errorsBefore else { return nil }
        return EnumDefinition(name: syntax.name, rawType: rawType, cases: rawValues.map { ($0.case.name, $0.value) })
    }

    /// Why a raw value cannot be used, in a sentence.
    struct Problem: Error {
        var message: String
    }

    /// A raw value written out: a number (perhaps negative) or a string.
    private static func constant(_ expression: ExpressionSyntax) -> Result<Value, Problem> {
        switch expression.kind {
        case .literal(.bool):
            return .failure(Problem(message: "a raw value is a number or a string, not true or false"))
        case .literal(let value):
            return .success(value)
        case .unary(.negate, let inner):
            if case .literal(.number(let number)) = inner.kind { return .success(.number(-number)) }
        case .enumCase:
            return .failure(Problem(message: "a raw value cannot be a case of an enum; write a number or a string"))
        default:
            break
        }
        return .failure(
            Problem(message: "a raw value must be written out as a number or a string; it cannot be computed"))
    }

    // MARK: - Looking up

    /// The type a script names: `bool`, `number`, `string` (in any case) or an enum.
    func type(named name: String) -> YarnType? {
        switch name.lowercased() {
        case "bool": .bool
        case "number": .number
        case "string": .string
        default: enums[name].map { .enumeration($0.name) }
        }
    }

    /// The type the runtime holds values of `type` as: an enum's raw type.
    func runtimeType(of type: YarnType) -> ValueType {
        switch type {
        case .bool: .bool
        case .number: .number
        case .string: .string
        case .enumeration(let name): enums[name]?.rawType ?? .number
        }
    }

    /// The value a variable of `type` starts at when it is not declared: false, 0, "" or an
    /// enum's first case.
    func defaultValue(of type: YarnType) -> Value {
        if case .enumeration(let name) = type, let first = enums[name]?.cases.first { return first.rawValue }
        return Value.defaultValue(of: runtimeType(of: type))
    }

    /// How a default value is written in a script (`0`, `Food.Apple`), for messages.
    func literal(of type: YarnType) -> String {
        if case .enumeration(let name) = type, let first = enums[name]?.cases.first { return "\(name).\(first.name)" }
        return defaultValue(of: type).literal
    }

    /// Whether a value of `type` may be passed where `target` is expected: the same type, or an
    /// enum where its raw type is expected (`set_objective_complete(Quest.First)`).
    func isConvertible(_ type: YarnType, to target: YarnType) -> Bool {
        if type == target { return true }
        if case .enumeration = type, target != type { return YarnType(runtimeType(of: type)) == target }
        return false
    }

    /// The enum and raw value of `Type.Case`, or of `.Case` where the enum comes from `hint`
    /// (the type the context expects) or is the only one with such a case.
    func resolve(case name: String, of typeName: String?, hint: YarnType?) -> Result<(YarnType, Value), Problem> {
        if let typeName {
            guard let definition = enums[typeName] else {
                return .failure(
                    Problem(
                        message:
                            "there is no enum named '\(typeName)'\(Suggestions.hint(for: typeName, in: enums.keys))"))
            }
            guard let value = definition.rawValue(of: name) else {
                return .failure(
                    Problem(
                        message:
                            "the enum \(typeName) has no case '\(name)'\(Suggestions.hint(for: name, in: definition.cases.map(\.name)))"
                    ))
            }
            return .success((.enumeration(typeName), value))
        }
        if case .enumeration(let hinted)? = hint, let value = enums[hinted]?.rawValue(of: name) {
            return .success((.enumeration(hinted), value))
        }
        let candidates = enums.values.filter { $0.rawValue(of: name) != nil }.sorted { $0.name < $1.name }
        guard let only = candidates.first, let value = only.rawValue(of: name) else {
            return .failure(Problem(message: "no enum has a case named '\(name)'; write it as Enum.\(name)"))
        }
        guard candidates.count == 1 else {
            return .failure(
                Problem(
                    message:
                        "'.\(name)' could be a case of \(candidates.map(\.name).joined(separator: " or ")); write \(candidates.map { "\($0.name).\(name)" }.joined(separator: " or "))"
                ))
        }
        return .success((.enumeration(only.name), value))
    }
}
