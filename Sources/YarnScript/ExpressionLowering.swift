import DialogueRuntime

/// Type-checks an expression as written and turns it into the runtime's ``Expression``.
///
/// Enum cases become their raw values, and a smart variable becomes its expression, lowered
/// once and put in wherever the variable is read: the runtime knows neither, and content that
/// uses neither pays nothing for them.
struct ExpressionLowering {
    /// The type of every variable, stored or smart.
    let variables: [String: YarnType]
    /// The expression of every smart variable.
    let smartVariables: [String: ExpressionSyntax]
    let functions: [String: CallSignature]
    /// Functions whose calls told no usable signature; their calls are reported already.
    let untypedFunctions: Set<String>
    let enums: EnumTable
    var diagnostics: [Diagnostic] = []
    /// Smart variables lowered so far, so that each is checked (and reported) once.
    private var loweredSmartVariables: [String: (Expression, YarnType?)] = [:]
    /// Smart variables being lowered now; meeting one again is a loop, already reported.
    private var smartVariablesInProgress: Set<String> = []

    init(
        variables: [String: YarnType], smartVariables: [String: ExpressionSyntax], functions: [String: CallSignature],
        untypedFunctions: Set<String> = [], enums: EnumTable
    ) {
        self.variables = variables
        self.smartVariables = smartVariables
        self.functions = functions
        self.untypedFunctions = untypedFunctions
        self.enums = enums
    }

    /// The lowered expression and its type; the type is nil after an error, so that one
    /// mistake is reported once rather than at every enclosing operator. `hint` is the type the
    /// context expects, which tells the enum of a case written `.Case`.
    mutating func lower(_ expression: ExpressionSyntax, hint: YarnType? = nil) -> (Expression, YarnType?) {
        switch expression.kind {
        case .literal(let value):
            return (.constant(value), YarnType(value.type))
        case .variable(let name):
            if !smartVariables.isEmpty, smartVariables[name] != nil { return lowerSmartVariable(name) }
            return (.variable(name), variables[name])
        case .enumCase(let typeName, let name):
            switch enums.resolve(case: name, of: typeName, hint: hint) {
            case .success(let (type, value)): return (.constant(value), type)
            case .failure(let problem):
                error(at: expression.location, problem.message)
                return (.constant(.number(0)), nil)
            }
        case .unary(let op, let operand):
            let (lowered, type) = lower(operand)
            let needed: YarnType = op == .negate ? .number : .bool
            if let type, type != needed {
                error(
                    at: expression.location,
                    "'\(op == .negate ? "-" : "not")' needs \(needed.withArticle), but this is \(type.withArticle)"
                )
                return (.unary(op, lowered), nil)
            }
            return (.unary(op, lowered), type == nil ? nil : needed)
        case .binary(let op, let left, let right):
            // A `.Case` on one side takes its enum from the other.
            let ((l, lt), (r, rt)): ((Expression, YarnType?), (Expression, YarnType?))
            if case .enumCase(nil, _) = left.kind {
                let rightLowered = lower(right)
                (l, lt) = lower(left, hint: rightLowered.1)
                (r, rt) = rightLowered
            } else {
                let leftLowered = lower(left)
                (l, lt) = leftLowered
                (r, rt) = lower(right, hint: leftLowered.1)
            }
            let lowered = Expression.binary(op, l, r)
            guard let lt, let rt else { return (lowered, nil) }
            return (lowered, resultType(of: op, lt, rt, at: expression.location))
        case .call(let name, let arguments):
            return lowerCall(name, arguments, at: expression.location)
        }
    }

    /// Lowers an expression whose context demands a type (a condition, an assignment).
    mutating func lower(_ expression: ExpressionSyntax, expecting expected: YarnType, context: String) -> Expression {
        let (lowered, type) = lower(expression, hint: expected)
        if let type, type != expected {
            error(
                at: expression.location, "\(context) must be \(expected.withArticle), but this is \(type.withArticle)")
        }
        return lowered
    }

    /// Lowers an expression whose value the context reads as a String (a node to jump to):
    /// a String, or an enum whose raw values are strings.
    mutating func lowerAsString(_ expression: ExpressionSyntax, context: String) -> Expression {
        let (lowered, type) = lower(expression)
        if let type, !enums.isConvertible(type, to: .string) {
            error(at: expression.location, "\(context) must be a String, but this is \(type.withArticle)")
        }
        return lowered
    }

    /// Lowers every smart variable, so that each is checked even where it is never read.
    mutating func lowerSmartVariables() {
        for name in smartVariables.keys.sorted() { _ = lowerSmartVariable(name) }
    }

    private mutating func lowerSmartVariable(_ name: String) -> (Expression, YarnType?) {
        if let lowered = loweredSmartVariables[name] { return lowered }
        guard let expression = smartVariables[name], smartVariablesInProgress.insert(name).inserted else {
            return (.constant(.bool(false)), nil)
        }
        let (lowered, type) = lower(expression, hint: variables[name])
        let declared = variables[name]
        if let type, let declared, type != declared {
            error(
                at: expression.location,
                "\(name) is declared as \(declared.withArticle), but its expression is \(type.withArticle)")
        }
        smartVariablesInProgress.remove(name)
        loweredSmartVariables[name] = (lowered, type == nil ? nil : declared ?? type)
        return loweredSmartVariables[name] ?? (lowered, type)
    }

    private mutating func lowerCall(_ name: String, _ arguments: [ExpressionSyntax], at location: SourceLocation)
        -> (Expression, YarnType?)
    {
        guard let signature = functions[name] else {
            let loweredArguments = arguments.map { lower($0).0 }
            if !untypedFunctions.contains(name) {
                error(at: location, "unknown function '\(name)'\(Suggestions.hint(for: name, in: functions.keys))")
            }
            return (.call(function: name, arguments: loweredArguments), nil)
        }
        var loweredArguments: [Expression] = []
        for (index, argument) in arguments.enumerated() {
            let parameter = signature.parameter(at: index)
            var hint: YarnType?
            if case .type(let type)? = parameter { hint = type }
            let (lowered, type) = lower(argument, hint: hint)
            loweredArguments.append(lowered)
            if let type, case .type(let expected)? = parameter, !enums.isConvertible(type, to: expected) {
                error(
                    at: argument.location,
                    "argument \(index + 1) of '\(name)' must be \(expected.withArticle), but this is \(type.withArticle)\(conversionHint(from: type, to: expected))"
                )
            }
        }
        let call = Expression.call(function: name, arguments: loweredArguments)
        let fits =
            signature.variadic == nil
            ? arguments.count == signature.parameters.count : arguments.count >= signature.parameters.count
        guard fits else {
            error(
                at: location,
                "'\(name)' takes \(signature.arityDescription), but \(arguments.count) \(arguments.count == 1 ? "was" : "were") given"
            )
            return (call, signature.returns)
        }
        if name == "format", case .literal(.string(let template))? = arguments.first?.kind {
            do throws(CompositeFormat.Problem) {
                try CompositeFormat.validate(template)
            } catch {
                self.error(at: arguments[0].location, "this format cannot be used: \(error)")
            }
        }
        return (call, signature.returns)
    }

    /// For an enum passed where a String or Number is expected: how to pass it.
    private func conversionHint(from type: YarnType, to expected: YarnType) -> String {
        guard case .enumeration(let name) = type else { return "" }
        return " (the raw values of \(name) are \(enums.runtimeType(of: type))s)"
    }

    private mutating func resultType(of op: BinaryOperator, _ a: YarnType, _ b: YarnType, at location: SourceLocation)
        -> YarnType?
    {
        switch op {
        case .add:
            guard a == b, a == .number || a == .string else {
                error(at: location, "'+' adds two Numbers or joins two Strings; it cannot be used with \(a) and \(b)")
                return nil
            }
            return a
        case .subtract, .multiply, .divide, .modulo:
            guard a == .number, b == .number else {
                error(at: location, "'\(op.rawValue)' needs two Numbers, not \(a) and \(b)")
                return nil
            }
            return .number
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard a == .number, b == .number else {
                error(at: location, "'\(op.rawValue)' compares two Numbers, not \(a) and \(b)")
                return nil
            }
            return .bool
        case .equal, .notEqual:
            guard a == b else {
                error(at: location, "'\(op.rawValue)' compares values of the same type, not \(a) and \(b)")
                return nil
            }
            return .bool
        case .and, .or, .xor:
            guard a == .bool, b == .bool else {
                error(
                    at: location,
                    "'\(op == .and ? "and" : op == .or ? "or" : "xor")' needs two Bools, not \(a) and \(b)")
                return nil
            }
            return .bool
        }
    }

    private mutating func error(at location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.error, at: location, message))
    }
}
