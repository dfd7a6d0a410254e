import DialogueRuntime
import YarnScript

/// A compiled script with a machine, a state and a resolver, for driving a dialogue in tests.
struct Harness {
    let machine: VirtualMachine
    let resolver: LineResolver
    var state: DialogueState

    init(
        _ script: String, library: FunctionLibrary = FunctionLibrary(), seed: UInt64 = 1,
        saliency: SaliencyStrategy = .bestLeastRecentlySeen
    ) throws {
        let compilation = Compiler(functions: library.signatures).compile([SourceFile(path: "test.yarn", text: script)])
        guard let program = compilation.program else {
            throw HarnessError(diagnostics: compilation.diagnostics.map(\.description))
        }
        machine = VirtualMachine(program: program, library: library)
        resolver = LineResolver(program: program, locale: "en")
        state = DialogueState(seed: seed, saliency: saliency)
    }

    init(machine: VirtualMachine, state: DialogueState) {
        self.machine = machine
        self.resolver = LineResolver(program: machine.program, locale: "en")
        self.state = state
    }

    struct HarnessError: Error { var diagnostics: [String] }

    /// Feeds one input and describes the events as text: lines as themselves, options as
    /// `[1. A | 2. B (unavailable)]`, commands as `<<text>>`, errors as `error: ...`, the end as `END`.
    mutating func send(_ input: DialogueInput) -> [String] {
        machine.advance(&state, with: input).compactMap { event in
            switch event {
            case .line(let line): resolver.text(for: line).text
            case .options(let options):
                "["
                    + options.map {
                        "\($0.index + 1). \(resolver.text(for: $0.line).text)\($0.isAvailable ? "" : " (unavailable)")"
                    }.joined(separator: " | ") + "]"
            case .command(let text): "<<\(text)>>"
            case .error(let error): "error: \(error.message)"
            case .dialogueComplete: "END"
            case .nodeRestarted(let node): "RESTARTED \(node)"
            case .nodeStart, .nodeComplete: nil
            }
        }
    }

    mutating func start(_ node: String = "Start") -> [String] { send(.start(node: node)) }
    mutating func choose(_ number: Int) -> [String] { send(.select(number - 1)) }
}
