/// The functions every Yarn program can call, as the Yarn Spinner standard library defines them.
enum BuiltinFunctions {
    static let signatures: [String: FunctionSignature] = [
        "visited": FunctionSignature([.string], returns: .bool),
        "visited_count": FunctionSignature([.string], returns: .number),
        "random": FunctionSignature([], returns: .number),
        "random_range": FunctionSignature([.number, .number], returns: .number),
        "random_range_float": FunctionSignature([.number, .number], returns: .number),
        "dice": FunctionSignature([.number], returns: .number),
        "round": FunctionSignature([.number], returns: .number),
        "round_places": FunctionSignature([.number, .number], returns: .number),
        "floor": FunctionSignature([.number], returns: .number),
        "ceil": FunctionSignature([.number], returns: .number),
        "inc": FunctionSignature([.number], returns: .number),
        "dec": FunctionSignature([.number], returns: .number),
        "decimal": FunctionSignature([.number], returns: .number),
        "int": FunctionSignature([.number], returns: .number),
        "min": FunctionSignature([.number, .number], returns: .number),
        "max": FunctionSignature([.number, .number], returns: .number),
        "format_invariant": FunctionSignature([.number], returns: .string),
        "format": FunctionSignature(parameters: [.value(.string), .any], returns: .string),
        "string": FunctionSignature(parameters: [.any], returns: .string),
        "number": FunctionSignature(parameters: [.any], returns: .number),
        "bool": FunctionSignature(parameters: [.any], returns: .bool),
        hasAnyContent: FunctionSignature([.string], returns: .bool),
    ]

    /// `has_any_content(name)`: whether starting the node would show anything. For a node group,
    /// whether the saliency strategy has a member to pick; the virtual machine answers it, as it
    /// needs the program and the conditions of the group's members.
    static let hasAnyContent = "has_any_content"

    /// Calls a built-in. Returns nil when `name` is not a built-in.
    /// The state is needed for visit counts and for the seeded random generator.
    static func call(_ name: String, _ arguments: [Value], state: inout DialogueState) throws -> Value? {
        func number(_ index: Int) -> Float {
            if case .number(let value) = arguments[index] { return value }
            return 0
        }
        func string(_ index: Int) -> String {
            if case .string(let value) = arguments[index] { return value }
            return ""
        }
        func randomBelow(_ bound: Int) -> Int {
            var generator = SeededRandom(state: state.randomState)
            defer { state.randomState = generator.state }
            return bound <= 1 ? 0 : Int.random(in: 0..<bound, using: &generator)
        }
        switch name {
        case "visited": return .bool((state.visits[string(0)] ?? 0) > 0)
        case "visited_count": return .number(Float(state.visits[string(0)] ?? 0))
        case "random":
            var generator = SeededRandom(state: state.randomState)
            defer { state.randomState = generator.state }
            return .number(Float.random(in: 0..<1, using: &generator))
        case "random_range", "random_range_float":
            let low = number(0).rounded(.towardZero)
            let high = number(1).rounded(.towardZero)
            guard low.isFinite, high.isFinite, high >= low, high - low < Float(Int32.max) else {
                throw RuntimeError(
                    .dialogueFailed,
                    "\(name)(\(number(0).formatted), \(number(1).formatted)) needs a finite range with the first bound not above the second"
                )
            }
            return .number(low + Float(randomBelow(Int(high - low) + 1)))
        case "dice":
            let sides = number(0).rounded(.towardZero)
            guard sides >= 1, sides < Float(Int32.max) else {
                throw RuntimeError(.dialogueFailed, "dice(\(number(0).formatted)) needs at least one side")
            }
            return .number(Float(randomBelow(Int(sides)) + 1))
        case "round": return .number(number(0).rounded(.toNearestOrEven))
        case "round_places":
            let scale = Float(pow10(Int(number(1))))
            return .number((number(0) * scale).rounded(.toNearestOrEven) / scale)
        case "floor": return .number(number(0).rounded(.down))
        case "ceil": return .number(number(0).rounded(.up))
        case "inc":
            let n = number(0)
            return .number(n == n.rounded(.towardZero) ? n + 1 : n.rounded(.up))
        case "dec":
            let n = number(0)
            return .number(n == n.rounded(.towardZero) ? n - 1 : n.rounded(.down))
        case "decimal": return .number(number(0) - number(0).rounded(.towardZero))
        case "int": return .number(number(0).rounded(.towardZero))
        case "min": return .number(Swift.min(number(0), number(1)))
        case "max": return .number(Swift.max(number(0), number(1)))
        case "format_invariant": return .string(Value.number(number(0)).text)
        case "format":
            do {
                return .string(try CompositeFormat.format(string(0), arguments[1]))
            } catch {
                throw RuntimeError(.dialogueFailed, "format(\"\(string(0))\", ...): \(error)")
            }
        case "string": return .string(arguments[0].text)
        case "number": return .number(try Conversions.number(from: arguments[0]))
        case "bool": return .bool(try Conversions.bool(from: arguments[0]))
        default: return nil
        }
    }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<Swift.max(0, Swift.min(exponent, 38)) { result *= 10 }
        return result
    }
}

extension Float {
    /// The number as Yarn prints it.
    var formatted: String { Value.number(self).text }
}
