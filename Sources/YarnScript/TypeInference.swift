import DialogueRuntime

/// Works out the types of variables that are used without `<<declare>>`, from how
/// they are used: what is assigned to them, the operators and functions they meet,
/// and conditions. Uses that contradict each other are errors.
struct TypeInference {
    enum Term {
        case known(ValueType)
        case variable(String)
        case unknown
    }

    let declared: [String: ValueType]
    let functions: [String: FunctionSignature]
    private var parent: [String: String] = [:]
    private var bound: [String: (type: ValueType, location: SourceLocation)] = [:]
    private(set) var firstUse: [String: SourceLocation] = [:]
    /// Variables used with conflicting types (already reported).
    private(set) var conflicted: Set<String> = []
    var diagnostics: [Diagnostic] = []

    init(declared: [String: ValueType], functions: [String: FunctionSignature]) {
        self.declared = declared
        self.functions = functions
    }

    /// The inferred type of every undeclared variable whose type could be told.
    var inferredTypes: [String: ValueType] {
        var result: [String: ValueType] = [:]
        for name in firstUse.keys {
            if let type = bound[root(of: name)]?.type { result[name] = type }
        }
        return result
    }

    private func root(of name: String) -> String {
        var current = name
        while let next = parent[current], next != current { current = next }
        return current
    }

    /// Records what an expression's use says about its variables; `expected` is the type
    /// its context demands, if any.
    mutating func constrain(_ expression: ExpressionSyntax, to expected: ValueType?) {
        let term = infer(expression)
        if let expected { unify(term, .known(expected), at: expression.location) }
    }

    /// Records an assignment `$variable = value`.
    mutating func assign(_ variable: String, _ value: ExpressionSyntax, at location: SourceLocation) {
        unify(term(forVariable: variable, at: location), infer(value), at: value.location)
    }

    private mutating func term(forVariable name: String, at location: SourceLocation) -> Term {
        if let type = declared[name] { return .known(type) }
        if firstUse[name] == nil {
            firstUse[name] = location
            parent[name] = name
        }
        return .variable(name)
    }

    private mutating func infer(_ expression: ExpressionSyntax) -> Term {
        switch expression.kind {
        case .literal(let value):
            return .known(value.type)
        case .variable(let name):
            return term(forVariable: name, at: expression.location)
        case .unary(let op, let operand):
            let type: ValueType = op == .negate ? .number : .bool
            unify(infer(operand), .known(type), at: operand.location)
            return .known(type)
        case .binary(let op, let left, let right):
            let a = infer(left)
            let b = infer(right)
            switch op {
            case .add:
                unify(a, b, at: expression.location)
                if case .unknown = a { return b }
                return a
            case .subtract, .multiply, .divide, .modulo:
                unify(a, .known(.number), at: left.location)
                unify(b, .known(.number), at: right.location)
                return .known(.number)
            case .less, .lessOrEqual, .greater, .greaterOrEqual:
                unify(a, .known(.number), at: left.location)
                unify(b, .known(.number), at: right.location)
                return .known(.bool)
            case .equal, .notEqual:
                unify(a, b, at: expression.location)
                return .known(.bool)
            case .and, .or, .xor:
                unify(a, .known(.bool), at: left.location)
                unify(b, .known(.bool), at: right.location)
                return .known(.bool)
            }
        case .call(let name, let arguments):
            let signature = functions[name]
            for (index, argument) in arguments.enumerated() {
                let term = infer(argument)
                if let signature, index < signature.parameters.count {
                    unify(term, .known(signature.parameters[index]), at: argument.location)
                }
            }
            return signature.map { .known($0.returns) } ?? .unknown
        }
    }

    private mutating func unify(_ a: Term, _ b: Term, at location: SourceLocation) {
        switch (a, b) {
        case (.variable(let x), .variable(let y)):
            let rx = root(of: x)
            let ry = root(of: y)
            guard rx != ry else { return }
            if let tx = bound[rx], let ty = bound[ry], tx.type != ty.type {
                conflict(x, tx.type, tx.location, ty.type, at: location)
                return
            }
            parent[ry] = rx
            if bound[rx] == nil, let ty = bound[ry] { bound[rx] = ty }
        case (.variable(let x), .known(let type)), (.known(let type), .variable(let x)):
            let r = root(of: x)
            if let existing = bound[r] {
                if existing.type != type { conflict(x, existing.type, existing.location, type, at: location) }
            } else {
                bound[r] = (type, location)
            }
        default:
            break  // two known types: checked, with a precise message, when the expression is compiled
        }
    }

    private mutating func conflict(
        _ name: String, _ first: ValueType, _ firstLocation: SourceLocation, _ second: ValueType,
        at location: SourceLocation
    ) {
        guard conflicted.insert(name).inserted else { return }
        diagnostics.append(
            Diagnostic(
                .error, at: location,
                "\(name) is used as a \(second) here, but as a \(first) at line \(firstLocation.line); a variable keeps one type (declare it with <<declare>> to say which)"
            ))
    }
}
