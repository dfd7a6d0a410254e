import DialogueRuntime
import Foundation
import YarnScript

/// Runs a ``TestPlan`` against a compiled program, the way Yarn Spinner's own test
/// suite does: fresh variable store, start at `Start`, each step checked in order.
public struct TestPlanRunner: Sendable {
    /// The host functions the Yarn Spinner test plans expect, and `add_all(Number...)`, which
    /// takes any number of arguments, for gids's own cases.
    public static let testFunctions: FunctionLibrary = {
        var library = FunctionLibrary()
        library.register("assert", parameters: [.bool], returns: .bool) { arguments in
            guard arguments.first == .bool(true) else { throw AssertionFailed() }
            return .bool(true)
        }
        library.register("add_three_operands", parameters: [.number, .number, .number], returns: .number) { arguments in
            var sum: Float = 0
            for case .number(let value) in arguments { sum += value }
            return .number(sum)
        }
        library.register("add_all", parameters: [], variadic: .number, returns: .number) { arguments in
            var sum: Float = 0
            for case .number(let value) in arguments { sum += value }
            return .number(sum)
        }
        library.register("dummy_bool", parameters: [], returns: .bool) { _ in .bool(true) }
        library.register("dummy_number", parameters: [], returns: .number) { _ in .number(1) }
        library.register("dummy_string", parameters: [], returns: .string) { _ in .string("string") }
        library.register("set_objective_complete", parameters: [.string], returns: .bool) { _ in .bool(true) }
        library.register("is_objective_active", parameters: [.string], returns: .bool) { _ in .bool(true) }
        library.register("get_quest_status", parameters: [.string], returns: .string) { _ in .string("InProgress") }
        return library
    }()

    struct AssertionFailed: Error, CustomStringConvertible {
        var description: String { "assert() was called with false" }
    }

    public let program: Program
    /// When true, the conversation state is encoded and decoded again, as JSON and in its
    /// binary form (and the program
    /// reloaded from its encoding) before and after every call into the virtual
    /// machine, proving that a saved state continues exactly as the live one.
    public var roundTripsState: Bool

    public init(program: Program, roundTripsState: Bool = false) {
        self.program = program
        self.roundTripsState = roundTripsState
    }

    /// A failed step: which line of the plan, and what happened instead.
    public struct Failure: Error, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "step on line \(line): \(message)" }
    }

    /// Runs the plan; throws the first failure.
    public func run(_ plan: TestPlan) throws {
        var machine = VirtualMachine(program: program, library: Self.testFunctions)
        if roundTripsState {
            machine = VirtualMachine(
                program: try JSONDecoder().decode(Program.self, from: JSONEncoder().encode(program)),
                library: Self.testFunctions)
        }
        let resolver = LineResolver(program: machine.program, locale: "en")
        var state = DialogueState(saliency: .bestLeastRecentlySeen)
        var queue: [DialogueEvent] = []
        var startNode = "Start"
        var needsStart = true

        func advance(_ input: DialogueInput) throws {
            try roundTrip(&state)
            queue += machine.advance(&state, with: input).filter {
                switch $0 {
                case .nodeStart, .nodeComplete: false
                default: true
                }
            }
            try roundTrip(&state)
        }
        func nextEvent(line: Int) throws -> DialogueEvent {
            if queue.isEmpty, needsStart {
                needsStart = false
                try advance(.start(node: startNode))
            }
            guard !queue.isEmpty else { throw Failure(line: line, message: "the dialogue produced nothing more") }
            let event = queue.removeFirst()
            if case .error(let error) = event { throw Failure(line: line, message: "run-time error: \(error)") }
            return event
        }

        var index = 0
        let steps = plan.steps
        while index < steps.count {
            let (step, line) = steps[index]
            index += 1
            switch step {
            case .line(let expected):
                let event = try nextEvent(line: line)
                guard case .line(let delivered) = event else {
                    throw Failure(line: line, message: "expected a line, got \(describe(event, resolver))")
                }
                let text = resolver.text(for: delivered).text
                if let expected, text != expected {
                    throw Failure(line: line, message: "expected line '\(expected)', got '\(text)'")
                }
            case .option:
                var expected: [(String, Bool)] = []
                index -= 1
                while index < steps.count, case .option(let text, let available) = steps[index].step {
                    expected.append((text, available))
                    index += 1
                }
                let event = try nextEvent(line: line)
                guard case .options(let options) = event else {
                    throw Failure(line: line, message: "expected options, got \(describe(event, resolver))")
                }
                let actual = options.map { (resolver.text(for: $0.line).text, $0.isAvailable) }
                guard actual.count == expected.count, zip(actual, expected).allSatisfy({ $0.0 == $1.0 && $0.1 == $1.1 })
                else {
                    throw Failure(
                        line: line, message: "expected options \(Self.list(expected)), got \(Self.list(actual))")
                }
            case .select(let number):
                guard queue.isEmpty else {
                    throw Failure(line: line, message: "cannot select yet: \(describe(queue[0], resolver)) comes first")
                }
                try advance(.select(number == 0 ? nil : number - 1))
                if case .error(let error)? = queue.first {
                    throw Failure(line: line, message: "selecting \(number) failed: \(error)")
                }
            case .command(let expected):
                let event = try nextEvent(line: line)
                guard case .command(let text) = event, text == expected else {
                    throw Failure(
                        line: line, message: "expected command '\(expected)', got \(describe(event, resolver))")
                }
            case .set(let variable, let value):
                guard let current = machine.program.initialValues[variable] else {
                    throw Failure(line: line, message: "the program has no variable \(variable)")
                }
                guard current.type == value.type else {
                    throw Failure(line: line, message: "\(variable) is a \(current.type), not a \(value.type)")
                }
                state.variables[variable] = value
            case .saliency(let strategy):
                state.saliency = strategy
            case .node(let name):
                startNode = name
            case .stop:
                let event = try nextEvent(line: line)
                guard case .dialogueComplete = event else {
                    throw Failure(line: line, message: "expected the end, got \(describe(event, resolver))")
                }
            case .restart:
                queue = []
                needsStart = true
            }
        }
    }

    private func roundTrip(_ state: inout DialogueState) throws {
        guard roundTripsState else { return }
        state = try JSONDecoder().decode(DialogueState.self, from: JSONEncoder().encode(state))
        state = try DialogueState(binary: state.binaryEncoded())
    }

    private func describe(_ event: DialogueEvent, _ resolver: LineResolver) -> String {
        switch event {
        case .line(let line): "the line '\(resolver.text(for: line).text)'"
        case .options(let options):
            "options \(Self.list(options.map { (resolver.text(for: $0.line).text, $0.isAvailable) }))"
        case .command(let text): "the command '\(text)'"
        case .dialogueComplete: "the end of the dialogue"
        case .error(let error): "an error: \(error)"
        case .nodeStart(let name), .nodeComplete(let name), .nodeRestarted(let name): "node event for \(name)"
        }
    }

    private static func list(_ options: [(String, Bool)]) -> String {
        "[" + options.map { "'\($0.0)'\($0.1 ? "" : " (disabled)")" }.joined(separator: ", ") + "]"
    }
}
