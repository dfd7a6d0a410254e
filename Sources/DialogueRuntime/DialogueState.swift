/// Everything that changes while one conversation runs: where it is, the call stack of
/// detours, variables, visit counts and the seed of its randomness.
///
/// A plain `Codable` value: save it after any call to ``VirtualMachine/advance(_:with:)``,
/// restore it in another process with the same program, and the conversation continues
/// exactly as it would have.
public struct DialogueState: Hashable, Sendable, Codable {
    /// Where a conversation stands between two calls to `advance`.
    public enum Phase: String, Hashable, Sendable, Codable {
        /// Not started yet, or ready to be started again.
        case idle
        /// Waiting for the host to choose one of the options it was given.
        case awaitingChoice
        /// Waiting for the host to resume after a waiting command (see ``VirtualMachine/waitingCommands``).
        case awaitingResume
        /// The dialogue ended (by reaching its end, `<<stop>>`, or a run-time error).
        case ended
    }

    /// A node and the instruction to continue at when a detour returns to it, with the
    /// ``CompiledNode/version`` of the node that position belongs to (0: not known, from a
    /// state stored before versions were kept).
    public struct Frame: Hashable, Sendable, Codable {
        public var node: String
        public var position: Int
        public var version: UInt64

        public init(node: String, position: Int, version: UInt64) {
            self.node = node
            self.position = position
            self.version = version
        }

        private enum CodingKeys: String, CodingKey { case node, position, version }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            node = try c.decode(String.self, forKey: .node)
            position = try c.decode(Int.self, forKey: .position)
            version = try c.decodeIfPresent(UInt64.self, forKey: .version) ?? 0
        }
    }

    /// An option as delivered, remembered until the host chooses.
    public struct PendingOption: Hashable, Sendable, Codable {
        public var target: Int
        public var onceFlag: String?
        public var isAvailable: Bool
    }

    public var phase: Phase = .idle
    /// While awaiting a choice: the node, and where to continue when no option is chosen.
    /// While awaiting resumption: where to resume.
    public var current: Frame?
    /// Nodes that detoured, innermost last.
    public var callStack: [Frame] = []
    /// Variables set by the dialogue or the host; others have the program's initial value.
    public var variables: [String: Value] = [:]
    /// How often each node was completed.
    public var visits: [String: Int] = [:]
    /// The `<<once>>` flags that have been used.
    public var onceFlags: Set<String> = []
    /// How often each line-group item was picked (for least-recently-seen saliency).
    public var views: [String: Int] = [:]
    /// The options on offer while awaiting a choice.
    public var pendingOptions: [PendingOption] = []
    /// How line-group items are chosen.
    public var saliency: SaliencyStrategy
    /// The state of the seeded random generator used by `random()`, `dice()` and random saliency.
    public var randomState: UInt64

    /// A fresh state. The seed makes every random choice of this conversation repeatable.
    public init(seed: UInt64 = 0x9E37_79B9_7F4A_7C15, saliency: SaliencyStrategy = .bestLeastRecentlySeen) {
        self.randomState = seed
        self.saliency = saliency
    }

    /// The current value of a variable: the stored one, or the program's initial value.
    public func value(of variable: String, in program: Program) -> Value? {
        variables[variable] ?? program.initialValues[variable]
    }
}

extension DialogueState {
    private enum CodingKeys: String, CodingKey {
        case phase = "p"
        case current = "c"
        case callStack = "s"
        case variables = "v"
        case visits = "n"
        case onceFlags = "o"
        case
            views = "w"
        case pendingOptions = "q"
        case saliency = "a"
        case randomState = "r"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        phase = try c.decode(Phase.self, forKey: .phase)
        current = try c.decodeIfPresent(Frame.self, forKey: .current)
        callStack = try c.decodeIfPresent([Frame].self, forKey: .callStack) ?? []
        variables = try c.decodeIfPresent([String: Value].self, forKey: .variables) ?? [:]
        visits = try c.decodeIfPresent([String: Int].self, forKey: .visits) ?? [:]
        onceFlags = try c.decodeIfPresent(Set<String>.self, forKey: .onceFlags) ?? []
        views = try c.decodeIfPresent([String: Int].self, forKey: .views) ?? [:]
        pendingOptions = try c.decodeIfPresent([PendingOption].self, forKey: .pendingOptions) ?? []
        saliency = try c.decode(SaliencyStrategy.self, forKey: .saliency)
        randomState = try c.decode(UInt64.self, forKey: .randomState)
    }

    /// Encodes compactly: short keys, and empty collections left out, to keep stored sessions small.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(phase, forKey: .phase)
        try c.encodeIfPresent(current, forKey: .current)
        if !callStack.isEmpty { try c.encode(callStack, forKey: .callStack) }
        if !variables.isEmpty { try c.encode(variables, forKey: .variables) }
        if !visits.isEmpty { try c.encode(visits, forKey: .visits) }
        if !onceFlags.isEmpty { try c.encode(onceFlags.sorted(), forKey: .onceFlags) }
        if !views.isEmpty { try c.encode(views, forKey: .views) }
        if !pendingOptions.isEmpty { try c.encode(pendingOptions, forKey: .pendingOptions) }
        try c.encode(saliency, forKey: .saliency)
        try c.encode(randomState, forKey: .randomState)
    }
}
