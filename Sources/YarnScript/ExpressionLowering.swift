import DialogueRuntime

/// Type-checks an expression as written and turns it into the runtime's ``Expression``.
struct ExpressionLowering {
    let variables: [String: ValueType]
    let functions: [String: FunctionSignature]
    var diagnostics: [Diagnostic] = []

    /// The lowered expression and its type; the type is nil after an error, so that one
    /// mistake is reported once rather than at every enclosing operator.
    mutating func lower(_ expression: ExpressionSyntax) -> (Expression, ValueType?) {
        switch expression.kind {
        case .literal(let value):
            return (.constant(value), value.type)
        case .variable(let name):
            return (.variable(name), variables[name])
        case .unary(let op, let operand):
            let (lowered, type) = lower(operand)
            let needed: ValueType = op == .negate ? .number : .bool
            if let type, type != needed {
                error(
                    at: expression.location, "'\(op == .negate ? "-" : "not")' needs a \(needed), but this is a \(type)"
                )
                return (.unary(op, lowered), nil)
            }
            return (.unary(op, lowered), type == nil ? nil : needed)
        case .binary(let op, let left, let right):
            let (l, lt) = lower(left)
            let (r, rt) = lower(right)
            let lowered = Expression.binary(op, l, r)
            guard let lt, let rt else { return (lowered, nil) }
            return (lowered, resultType(of: op, lt, rt, at: expression.location))
        case .call(let name, let arguments):
            let loweredArguments = arguments.map { lower($0) }
            let call = Expression.call(function: name, arguments: loweredArguments.map(\.0))
            guard let signature = functions[name] else {
                error(
                    at: expression.location,
                    "unknown function '\(name)'\(Suggestions.hint(for: name, in: functions.keys))")
                return (call, nil)
            }
            guard arguments.count == signature.parameters.count else {
                error(
                    at: expression.location,
                    "'\(name)' takes \(signature.parameters.count) argument\(signature.parameters.count == 1 ? "" : "s"), but \(arguments.count) \(arguments.count == 1 ? "was" : "were") given"
                )
                return (call, signature.returns)
            }
            for (index, (_, type)) in loweredArguments.enumerated() {
                if let type, type != signature.parameters[index] {
                    error(
                        at: arguments[index].location,
                        "argument \(index + 1) of '\(name)' must be a \(signature.parameters[index]), but this is a \(type)"
                    )
                }
            }
            return (call, signature.returns)
        }
    }

    /// Lowers an expression whose context demands a type (a condition, an assignment, a jump target).
    mutating func lower(_ expression: ExpressionSyntax, expecting expected: ValueType, context: String) -> Expression {
        let (lowered, type) = lower(expression)
        if let type, type != expected {
            error(at: expression.location, "\(context) must be a \(expected), but this is a \(type)")
        }
        return lowered
    }

    private mutating func resultType(of op: BinaryOperator, _ a: ValueType, _ b: ValueType, at location: SourceLocation)
        -> ValueType?
    {
        switch op {
        case .add:
            guard a == b, a != .bool else {
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
