import DialogueRuntime

/// Works out the types a project does not write down, from how they are used: variables used
/// without `<<declare>>`, smart variables declared without `as`, and, where the compiler allows
/// it, functions the host does not offer (their parameters and result). What is assigned, the
/// operators and functions a value meets, and conditions all tell; uses that contradict each
/// other are errors.
///
/// Each unknown type is a type variable, named `$x` for a variable, `f()` for what the function
/// `f` returns and `f(#1)` for its first parameter; uses join them (union-find) and bind them to
/// types.
struct TypeInference {
    enum Term {
        case known(YarnType)
        case variable(String)
        case unknown
        /// Unknown because of a mistake reported where it is written (a misspelt enum case), so
        /// the types it would have told are not reported again as untold.
        case failed
    }

    let declared: [String: YarnType]
    let functions: [String: CallSignature]
    let enums: EnumTable
    /// Whether calls of functions not in `functions` infer them (otherwise lowering reports them).
    let infersFunctions: Bool
    private var parent: [String: String] = [:]
    private var bound: [String: (type: YarnType, location: SourceLocation)] = [:]
    /// Where each type variable was first met.
    private(set) var firstUse: [String: SourceLocation] = [:]
    /// How many arguments each inferred function was first called with, and where.
    private var arities: [String: (count: Int, location: SourceLocation)] = [:]
    /// Type variables used with conflicting types (already reported).
    private(set) var conflicted: Set<String> = []
    /// Type variables met with a ``Term/failed`` term.
    private var failed: Set<String> = []
    var diagnostics: [Diagnostic] = []

    init(declared: [String: YarnType], functions: [String: CallSignature], enums: EnumTable, infersFunctions: Bool) {
        self.declared = declared
        self.functions = functions
        self.enums = enums
        self.infersFunctions = infersFunctions
    }

    /// Records what an expression's use says about its types; `expected` is the type its
    /// context demands, if any.
    mutating func constrain(_ expression: ExpressionSyntax, to expected: YarnType?) {
        let term = infer(expression)
        if let expected { unify(term, .known(expected), at: expression.location) }
    }

    /// Records an assignment `$variable = value` (or a smart variable's declaration).
    mutating func assign(_ variable: String, _ value: ExpressionSyntax, at location: SourceLocation) {
        unify(term(for: variable, at: location), infer(value), at: value.location)
    }

    // MARK: - Results

    /// The type told for a type variable (a variable's name), if any.
    func type(of name: String) -> YarnType? {
        bound[root(of: name)]?.type
    }

    /// The variables met that were not declared, in the order they were first used.
    var undeclaredVariables: [(name: String, location: SourceLocation)] {
        firstUse.filter { $0.key.hasPrefix("$") }.sorted { $0.value < $1.value }.map { ($0.key, $0.value) }
    }

    /// The signature told for every inferred function whose parameters and result are all
    /// known and were never used with conflicting types, with where it was first called.
    var inferredFunctions: [String: (signature: CallSignature, location: SourceLocation)] {
        var result: [String: (signature: CallSignature, location: SourceLocation)] = [:]
        let conflictedFunctions = Set(conflicted.compactMap { $0.split(separator: "(").first.map(String.init) })
        for (name, arity) in arities where !conflictedFunctions.contains(name) {
            let parameters = (0..<arity.count).compactMap { type(of: "\(name)(#\($0 + 1))") }
            guard let returns = type(of: "\(name)()"), parameters.count == arity.count else { continue }
            result[name] = (
                CallSignature(parameters: parameters.map(CallSignature.Parameter.type), returns: returns),
                arity.location
            )
        }
        return result
    }

    /// The functions whose calls were inferred but told no usable signature (already reported).
    var untypedFunctions: Set<String> {
        Set(arities.keys).subtracting(inferredFunctions.keys)
    }

    /// One error for each group of joined type variables whose type nothing tells, at the first
    /// use of any of them. `smart` names the smart variables, which are declared, just untyped.
    func untypedErrors(smart: Set<String>) -> [Diagnostic] {
        var reported: Set<String> = []
        var errors: [Diagnostic] = []
        for (name, location) in firstUse.sorted(by: { $0.value < $1.value }) {
            let group = root(of: name)
            guard bound[group] == nil, !conflicted.contains(name), !failed.contains(where: { root(of: $0) == group }),
                reported.insert(group).inserted
            else { continue }
            let message =
                if smart.contains(name) {
                    "the type of \(name) cannot be told from its expression; name it, like <<declare \(name) = ... as number>>"
                } else if name.hasPrefix("$") {
                    "\(name) is not declared and its type cannot be told from its use; declare it, like <<declare \(name) = 0>>"
                } else {
                    "the type of \(Self.describe(name)) cannot be told from how it is used; the host must offer this function"
                }
            errors.append(Diagnostic(.error, at: location, message))
        }
        return errors
    }

    // MARK: - Inference

    private func root(of name: String) -> String {
        var current = name
        while let next = parent[current], next != current { current = next }
        return current
    }

    private mutating func term(for name: String, at location: SourceLocation) -> Term {
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
            return .known(YarnType(value.type))
        case .variable(let name):
            return term(for: name, at: expression.location)
        case .enumCase(let typeName, let name):
            // `.Case` may still be told by the type its context expects, when it is lowered.
            guard case .success(let (type, _)) = enums.resolve(case: name, of: typeName, hint: nil) else {
                return .failed
            }
            return .known(type)
        case .unary(let op, let operand):
            let type: YarnType = op == .negate ? .number : .bool
            unify(infer(operand), .known(type), at: operand.location)
            return .known(type)
        case .binary(let op, let left, let right):
            let a = infer(left)
            let b = infer(right)
            switch op {
            case .add:
                unify(a, b, at: expression.location)
                switch a {
                case .unknown, .failed: return b
                default: return a
                }
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
            return inferCall(name, arguments, at: expression.location)
        }
    }

    private mutating func inferCall(_ name: String, _ arguments: [ExpressionSyntax], at location: SourceLocation)
        -> Term
    {
        if let signature = functions[name] {
            for (index, argument) in arguments.enumerated() {
                let term = infer(argument)
                // A known argument type is checked when the call is lowered (an enum may stand
                // where its raw type is expected); an unknown one takes the parameter's type.
                if case .variable = term, case .type(let type)? = signature.parameter(at: index) {
                    unify(term, .known(type), at: argument.location)
                }
            }
            return .known(signature.returns)
        }
        guard infersFunctions else {
            for argument in arguments { _ = infer(argument) }
            return .unknown
        }
        // A call with another number of arguments than the first is reported when it is lowered,
        // against the signature the first call told.
        if let first = arities[name], first.count != arguments.count {
            for argument in arguments { _ = infer(argument) }
        } else {
            arities[name] = arities[name] ?? (arguments.count, location)
            for (index, argument) in arguments.enumerated() {
                unify(
                    infer(argument), term(for: "\(name)(#\(index + 1))", at: argument.location), at: argument.location)
            }
        }
        return term(for: "\(name)()", at: location)
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
        case (.variable(let x), .failed), (.failed, .variable(let x)):
            failed.insert(x)
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
        _ name: String, _ first: YarnType, _ firstLocation: SourceLocation, _ second: YarnType,
        at location: SourceLocation
    ) {
        guard conflicted.insert(name).inserted else { return }
        let rule =
            name.hasPrefix("$")
            ? "a variable keeps one type (declare it with <<declare>> to say which)"
            : "a function takes and returns one type each"
        diagnostics.append(
            Diagnostic(
                .error, at: location,
                "\(Self.describe(name)) is used as \(second.withArticle) here, but as \(first.withArticle) at line \(firstLocation.line); \(rule)"
            ))
    }

    /// A type variable as a writer reads it: `$x`, `what f() returns`, `argument 1 of f()`.
    private static func describe(_ name: String) -> String {
        if name.hasPrefix("$") { return name }
        guard let open = name.firstIndex(of: "(") else { return name }
        let function = name[..<open]
        let inside = name[name.index(after: open)...].dropLast()
        return inside.isEmpty ? "what \(function)() returns" : "argument \(inside.dropFirst()) of \(function)()"
    }
}
