/// A compact binary form of ``DialogueState`` for storage, about ten times faster to
/// write and read than JSON. The JSON (`Codable`) form stays available for debugging.
///
/// Layout (see ``BinaryWriter``): a version byte, then each field in declaration order;
/// dictionaries sorted by key so equal states give equal bytes.
extension DialogueState {
    /// The version of the binary layout; bump it (and keep reading the old one) when it changes.
    static let binaryFormatVersion: UInt8 = 1

    /// The state in its compact binary form.
    public func binaryEncoded() -> [UInt8] {
        var writer = BinaryWriter()
        writer.byte(Self.binaryFormatVersion)
        writer.string(phase.rawValue)
        writer.frame(current)
        writer.count(callStack.count)
        for frame in callStack { writer.frame(frame) }
        writer.count(variables.count)
        for (name, value) in variables.sorted(by: { $0.key < $1.key }) {
            writer.string(name)
            writer.value(value)
        }
        writer.counts(visits)
        writer.count(onceFlags.count)
        for flag in onceFlags.sorted() { writer.string(flag) }
        writer.counts(views)
        writer.count(pendingOptions.count)
        for option in pendingOptions {
            writer.count(option.target)
            writer.optional(option.onceFlag) { $0.string($1) }
            writer.bool(option.isAvailable)
        }
        writer.string(saliency.rawValue)
        writer.unsigned(randomState)
        return writer.bytes
    }

    /// Reads a state written by ``binaryEncoded()``.
    /// - Throws: ``BinaryStateError`` when the bytes are not such a state.
    public init(binary bytes: [UInt8]) throws(BinaryStateError) {
        var reader = BinaryReader(bytes: bytes)
        guard try reader.byte() == Self.binaryFormatVersion else { throw BinaryStateError.unknownVersion }
        let phase = try reader.raw(Phase.self)
        let current = try reader.frame()
        var callStack: [Frame] = []
        for _ in 0..<(try reader.count()) { if let frame = try reader.frame() { callStack.append(frame) } }
        let variableCount = try reader.count()
        var variables = [String: Value](minimumCapacity: min(variableCount, 1024))
        for _ in 0..<variableCount {
            let name = try reader.string()
            variables[name] = try reader.value()
        }
        let visits = try reader.counts()
        let flagCount = try reader.count()
        var onceFlags = Set<String>(minimumCapacity: min(flagCount, 1024))
        for _ in 0..<flagCount { onceFlags.insert(try reader.string()) }
        let views = try reader.counts()
        var pendingOptions: [PendingOption] = []
        for _ in 0..<(try reader.count()) {
            pendingOptions.append(PendingOption(target: try reader.count(), onceFlag: try reader.optional { reader throws(BinaryStateError) in try reader.string() }, isAvailable: try reader.bool()))
        }
        let saliency = try reader.raw(SaliencyStrategy.self)
        self.init(seed: try reader.unsigned(), saliency: saliency)
        guard reader.isAtEnd else { throw BinaryStateError.malformed }
        self.phase = phase
        self.current = current
        self.callStack = callStack
        self.variables = variables
        self.visits = visits
        self.onceFlags = onceFlags
        self.views = views
        self.pendingOptions = pendingOptions
    }
}

extension BinaryWriter {
    fileprivate mutating func frame(_ frame: DialogueState.Frame?) {
        optional(frame) { writer, frame in
            writer.string(frame.node)
            writer.count(frame.position)
        }
    }

    /// A variable's value: 0 or 1 for a boolean, 2 and four bytes for a number, 3 and a string.
    fileprivate mutating func value(_ value: Value) {
        switch value {
        case .bool(let flag): bool(flag)
        case .number(let number):
            byte(2)
            float(number)
        case .string(let text):
            byte(3)
            string(text)
        }
    }

    fileprivate mutating func counts(_ dictionary: [String: Int]) {
        count(dictionary.count)
        for (key, value) in dictionary.sorted(by: { $0.key < $1.key }) {
            string(key)
            count(value)
        }
    }
}

extension BinaryReader {
    fileprivate mutating func frame() throws(BinaryStateError) -> DialogueState.Frame? {
        try optional { reader throws(BinaryStateError) in DialogueState.Frame(node: try reader.string(), position: try reader.count()) }
    }

    fileprivate mutating func value() throws(BinaryStateError) -> Value {
        switch try byte() {
        case 0: return .bool(false)
        case 1: return .bool(true)
        case 2: return .number(try float())
        case 3: return .string(try string())
        default: throw .malformed
        }
    }

    fileprivate mutating func counts() throws(BinaryStateError) -> [String: Int] {
        let entries = try count()
        var result = [String: Int](minimumCapacity: min(entries, 1024))  // no growing while filling
        for _ in 0..<entries {
            let key = try string()
            result[key] = try count()
        }
        return result
    }
}
