/// Runs a compiled ``Program`` one host input at a time.
///
/// The machine itself holds nothing that changes: `advance` takes a ``DialogueState`` and
/// one ``DialogueInput`` and returns the events up to the next point that needs the host
/// (an option set or the end). No I/O, no clock, no global state: the same state and
/// input always give the same events.
public struct VirtualMachine: Sendable {
    /// The program this machine runs.
    public let program: Program
    /// The host's functions.
    public let library: FunctionLibrary
    /// How many instructions one call to `advance` may run before it gives up (a dialogue
    /// that loops without ever reaching a line or an option would otherwise never return).
    /// A jump loop stopped at this limit costs about 0.1 s and 20 MB of events.
    public var instructionLimit = 100_000
    /// How many lines one call to `advance` may produce before it gives up: a loop that shows
    /// a line each time round would otherwise fill a reply with hundreds of thousands of them.
    public var lineLimit = 1_000
    /// The longest string, in UTF-8 bytes, that an expression may make: a loop that doubles a
    /// string would otherwise take all the memory there is within a few steps.
    public var stringLimit = 64 * 1024
    /// How long one call to `advance` may run. The limits above bound the work; this bounds
    /// the time should each step be slow. It is the only thing that reads a clock, and only
    /// content that runs away ever reaches it.
    public var timeLimit: Duration = .milliseconds(250)
    /// Commands (by their first word) after which the dialogue waits for
    /// ``DialogueInput/resume``, for example a command that asks the person for text.
    public var waitingCommands: Set<String> = []

    public init(program: Program, library: FunctionLibrary = FunctionLibrary()) {
        self.program = program
        self.library = library
    }

    /// Whether every node the state stands in is still the version the state was stored under.
    /// When not, the next `resume` or `select` starts the edited node again (see
    /// ``DialogueEvent/nodeRestarted(_:)``), so an answer the host meant to put in a
    /// variable belongs to the old content and should not be kept.
    public func standsInCurrentContent(_ state: DialogueState) -> Bool {
        editedFrame(of: state) == nil
    }

    /// The state's frames, outermost first, and the index of the first whose node has another
    /// version now or is gone; nil when every frame is current.
    func editedFrame(of state: DialogueState) -> (frames: [DialogueState.Frame], edited: Int)? {
        guard let current = state.current else { return nil }
        let frames = state.callStack + [current]
        return frames.firstIndex { program.nodes[$0.node]?.version != $0.version }.map { (frames, $0) }
    }

    /// Applies one input and runs until the dialogue needs the host again.
    public func advance(_ state: inout DialogueState, with input: DialogueInput) -> [DialogueEvent] {
        var run = Run(machine: self, state: state)
        switch input {
        case .start(let node):
            guard program.nodes[node] != nil else {
                return [.error(RuntimeError(.invalidInput, "there is no node named '\(node)'"))]
            }
            run.state.phase = .idle
            run.state.callStack = []
            run.state.pendingOptions = []
            run.enter(node, at: 0)
        case .resume:
            guard state.phase == .awaitingResume, let frame = state.current else {
                return [.error(RuntimeError(.invalidInput, "the dialogue is not waiting to be resumed"))]
            }
            if run.restartEditedNode() { break }
            run.resume(frame, at: frame.position)
        case .select(let index):
            guard state.phase == .awaitingChoice, let frame = state.current else {
                return [.error(RuntimeError(.invalidInput, "there are no options to choose from"))]
            }
            // The options on offer belong to the node as it was; in an edited node they mean nothing.
            if run.restartEditedNode() { break }
            let options = state.pendingOptions
            let anyAvailable = options.contains(where: \.isAvailable)
            guard let index else {
                if anyAvailable {
                    return [.error(RuntimeError(.invalidInput, "an option must be chosen", node: frame.node))]
                }
                run.resume(frame, at: frame.position)
                break
            }
            guard options.indices.contains(index), options[index].isAvailable else {
                return [
                    .error(
                        RuntimeError(
                            .invalidInput, "option \(index) is not one of the available options", node: frame.node))
                ]
            }
            if let flag = options[index].onceFlag { run.state.onceFlags.insert(flag) }
            run.resume(frame, at: options[index].target)
        }
        run.execute()
        state = run.state
        return run.events
    }
}

/// One call of `advance`: the state being changed and the events produced so far.
private struct Run {
    let machine: VirtualMachine
    var state: DialogueState
    var events: [DialogueEvent] = []
    var node: CompiledNode?
    var position = 0
    /// Lines shown in this call, against ``VirtualMachine/lineLimit``.
    var lines = 0

    init(machine: VirtualMachine, state: DialogueState) {
        self.machine = machine
        self.state = state
    }

    mutating func enter(_ name: String, at position: Int) {
        node = machine.program.nodes[name]
        self.position = position
        events.append(.nodeStart(name))
    }

    mutating func resume(_ frame: DialogueState.Frame, at position: Int) {
        node = machine.program.nodes[frame.node]
        self.position = position
        state.phase = .idle
        state.pendingOptions = []
    }

    /// Where the content changed under a stored state, it never goes on at a stale position:
    /// the outermost frame whose node has another version now (or is gone) starts its node
    /// again from the beginning, the detours it made are dropped, and the host is told
    /// (``DialogueEvent/nodeRestarted(_:)``). A node that is gone gives way to the node that
    /// detoured into it; with none, the dialogue fails. Returns false when every frame is current.
    mutating func restartEditedNode() -> Bool {
        guard let (frames, edited) = machine.editedFrame(of: state) else { return false }
        state.phase = .idle
        state.pendingOptions = []
        guard let restart = frames[...edited].lastIndex(where: { machine.program.nodes[$0.node] != nil }) else {
            fail(
                RuntimeError(
                    .dialogueFailed,
                    "the node '\(frames[edited].node)' this conversation stood in is no longer in the content"))
            return true
        }
        state.callStack = Array(frames[..<restart])
        state.current = nil
        events.append(.nodeRestarted(frames[restart].node))
        enter(frames[restart].node, at: 0)
        return true
    }

    mutating func execute() {
        var steps = 0
        let clock = ContinuousClock()
        let started = clock.now
        do {
            while let current = node {
                steps += 1
                if steps > machine.instructionLimit {
                    throw RuntimeError(
                        .dialogueFailed,
                        "the dialogue ran \(machine.instructionLimit) steps without reaching a line or an option; is there a loop of jumps?"
                    )
                }
                if steps % 256 == 0, clock.now - started > machine.timeLimit {
                    throw RuntimeError(
                        .dialogueFailed,
                        "the dialogue ran longer than \(machine.timeLimit) without reaching a line or an option; is there a loop?"
                    )
                }
                guard position < current.instructions.count else {
                    try finishNode()
                    continue
                }
                let instruction = current.instructions[position]
                position += 1
                if try perform(instruction, in: current) { return }
            }
        } catch let error as RuntimeError {
            fail(error)
        } catch {
            fail(RuntimeError(.dialogueFailed, "\(error)"))
        }
    }

    /// Performs one instruction. Returns true when the dialogue now waits for the host.
    mutating func perform(_ instruction: Instruction, in current: CompiledNode) throws -> Bool {
        switch instruction {
        case .line(let id, let substitutions):
            lines += 1
            if lines > machine.lineLimit {
                throw RuntimeError(
                    .dialogueFailed,
                    "the dialogue showed more than \(machine.lineLimit) lines without waiting for an answer; is there a loop?"
                )
            }
            events.append(.line(DialogueLine(id: id, substitutions: try substitutions.map { try evaluate($0).text })))
        case .options(let choices, let otherwise):
            var offered: [DialogueOption] = []
            var pending: [DialogueState.PendingOption] = []
            for (index, choice) in choices.enumerated() {
                var available = try choice.condition.map { try evaluateBool($0) } ?? true
                if let flag = choice.onceFlag, state.onceFlags.contains(flag) { available = false }
                let line = DialogueLine(
                    id: choice.lineID, substitutions: try choice.substitutions.map { try evaluate($0).text })
                offered.append(DialogueOption(index: index, line: line, isAvailable: available))
                pending.append(.init(target: choice.target, onceFlag: choice.onceFlag, isAvailable: available))
            }
            events.append(.options(offered))
            state.phase = .awaitingChoice
            state.pendingOptions = pending
            state.current = .init(node: current.name, position: otherwise, version: current.version)
            return true
        case .lineGroup(let candidates, let otherwise):
            try pickLine(from: candidates, otherwise: otherwise)
        case .runNodeGroup(let candidates):
            guard let member = try pickSalient(from: candidates) else { break }
            state.callStack.append(.init(node: current.name, position: position, version: current.version))
            enter(member.node, at: 0)
        case .command(let pieces):
            var text = ""
            for piece in pieces {
                switch piece {
                case .text(let literal): text += literal
                case .expression(let expression): text += try evaluate(expression).text
                }
            }
            events.append(.command(text))
            if let word = text.split(separator: " ", maxSplits: 1).first, machine.waitingCommands.contains(String(word))
            {
                state.phase = .awaitingResume
                state.current = .init(node: current.name, position: position, version: current.version)
                return true
            }
        case .set(let variable, let value):
            state.variables[variable] = try evaluate(value)
        case .evaluate(let expression):
            _ = try evaluate(expression)
        case .jumpIfFalse(let condition, let target):
            if !(try evaluateBool(condition)) { position = target }
        case .goto(let target):
            position = target
        case .onceGuard(let flag, let condition, let otherwise):
            let holds = try condition.map { try evaluateBool($0) } ?? true
            if state.onceFlags.contains(flag) || !holds {
                position = otherwise
            } else {
                state.onceFlags.insert(flag)
            }
        case .jumpToNode(let target):
            let name = try nodeName(target)
            complete(current.name)
            while let caller = state.callStack.popLast() { complete(caller.node) }
            enter(name, at: 0)
        case .detourToNode(let target):
            let name = try nodeName(target)
            state.callStack.append(.init(node: current.name, position: position, version: current.version))
            enter(name, at: 0)
        case .returnFromNode:
            try finishNode()
        case .stop:
            complete(current.name)
            while let caller = state.callStack.popLast() { complete(caller.node) }
            end()
        }
        return false
    }

    mutating func pickLine(from candidates: [SalientCandidate], otherwise: Int) throws {
        guard let chosen = try pickSalient(from: candidates) else {
            position = otherwise
            return
        }
        events.append(
            .line(
                DialogueLine(id: chosen.lineID, substitutions: try chosen.substitutions.map { try evaluate($0).text })))
        position = chosen.target
    }

    /// The candidate the saliency strategy picks among those that qualify, with its once flag set
    /// and its view counted; nil when none qualifies.
    mutating func pickSalient<Candidate: SaliencyCandidate>(from candidates: [Candidate]) throws -> Candidate? {
        let qualifying = try qualifyingIndices(of: candidates)
        let strategy = state.saliency
        let ranked = qualifying.map {
            (views: state.views[candidates[$0].viewKey] ?? 0, complexity: candidates[$0].complexity)
        }
        var generator = SeededRandom(state: state.randomState)
        let pick = strategy.pick(ranked) { Int.random(in: 0..<$0, using: &generator) }
        state.randomState = generator.state
        guard let pick else { return nil }
        let chosen = candidates[qualifying[pick]]
        if let flag = chosen.onceFlag { state.onceFlags.insert(flag) }
        if strategy.recordsViews { state.views[chosen.viewKey, default: 0] += 1 }
        return chosen
    }

    /// The indices of the candidates whose once flag is unused and whose condition holds.
    mutating func qualifyingIndices<Candidate: SaliencyCandidate>(of candidates: [Candidate]) throws -> [Int] {
        var qualifying: [Int] = []
        for (index, candidate) in candidates.enumerated() {
            if let flag = candidate.onceFlag, state.onceFlags.contains(flag) { continue }
            if let condition = candidate.condition, !(try evaluateBool(condition)) { continue }
            qualifying.append(index)
        }
        return qualifying
    }

    /// `has_any_content(name)`: false for an unknown node, true for an ordinary one, and for a
    /// node group whether any member qualifies now (which every strategy then picks from).
    mutating func hasAnyContent(_ name: String) throws -> Bool {
        guard let node = machine.program.nodes[name] else { return false }
        guard case .runNodeGroup(let candidates)? = node.instructions.first else { return true }
        return !(try qualifyingIndices(of: candidates)).isEmpty
    }

    /// Ends the running node: back to the node that detoured here, or the end of the dialogue.
    mutating func finishNode() throws {
        guard let current = node else { return }
        complete(current.name)
        if let caller = state.callStack.popLast() {
            enter(caller.node, at: caller.position)
        } else {
            end()
        }
    }

    mutating func complete(_ name: String) {
        events.append(.nodeComplete(name))
        let untracked = machine.program.untrackedNodes
        if untracked.isEmpty || !untracked.contains(name) { state.visits[name, default: 0] += 1 }
    }

    mutating func end() {
        node = nil
        state.phase = .ended
        state.current = nil
        state.callStack = []
        events.append(.dialogueComplete)
    }

    mutating func fail(_ error: RuntimeError) {
        var error = error
        error.node = error.node ?? node?.name
        node = nil
        state.phase = .ended
        state.current = nil
        state.callStack = []
        state.pendingOptions = []
        events.append(.error(error))
    }

    mutating func nodeName(_ target: Expression) throws -> String {
        let name = try evaluate(target).text
        guard machine.program.nodes[name] != nil else {
            throw RuntimeError(.dialogueFailed, "there is no node named '\(name)' to go to")
        }
        return name
    }

    mutating func evaluateBool(_ expression: Expression) throws -> Bool {
        if case .bool(let value) = try evaluate(expression) { return value }
        throw RuntimeError(.dialogueFailed, "a condition did not give true or false")
    }
}

extension Run {
    mutating func evaluate(_ expression: Expression) throws -> Value {
        switch expression {
        case .constant(let value):
            return value
        case .variable(let name):
            guard let value = state.value(of: name, in: machine.program) else {
                throw RuntimeError(.dialogueFailed, "the variable \(name) has no value")
            }
            return value
        case .unary(let op, let operand):
            let value = try evaluate(operand)
            switch (op, value) {
            case (.negate, .number(let n)): return .number(-n)
            case (.not, .bool(let b)): return .bool(!b)
            default: throw RuntimeError(.dialogueFailed, "'\(op.rawValue)' cannot be applied to \(value.type)")
            }
        case .binary(let op, let left, let right):
            return try limited(try Arithmetic.apply(op, try evaluate(left), try evaluate(right)))
        case .call(let function, let arguments):
            var values: [Value] = []
            values.reserveCapacity(arguments.count)
            for argument in arguments { values.append(try evaluate(argument)) }
            if let host = machine.library.hostFunctions[function] {
                return try limited(try host.implementation(values))
            }
            if let result = try BuiltinFunctions.call(function, values, state: &state) {
                return try limited(result)
            }
            // Asked only after the other built-ins, so that their calls cost nothing more.
            if function == BuiltinFunctions.hasAnyContent, case .string(let name) = values.first {
                return .bool(try hasAnyContent(name))
            }
            throw RuntimeError(.dialogueFailed, "the function '\(function)' is not available in this host")
        }
    }

    /// The value, unless it is a string longer than ``VirtualMachine/stringLimit``.
    func limited(_ value: Value) throws -> Value {
        if case .string(let text) = value, text.utf8.count > machine.stringLimit {
            throw RuntimeError(
                .dialogueFailed,
                "the dialogue made a string of more than \(machine.stringLimit) bytes; is there a loop that makes it grow?"
            )
        }
        return value
    }
}
