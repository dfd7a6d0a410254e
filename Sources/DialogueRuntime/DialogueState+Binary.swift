/// A compact binary form of ``DialogueState`` for storage, about ten times faster to
/// write and read than JSON. The JSON (`Codable`) form stays available for debugging.
///
/// Layout (see ``BinaryWriter``): a version byte, then each field in declaration order;
/// dictionaries sorted by key so equal states give equal bytes. Version 1 kept no node
/// versions in its frames; it is still read (as version 0, "not known").
extension DialogueState {
    /// The version of the binary layout; bump it (and keep reading the old one) when it changes.
    static let binaryFormatVersion: UInt8 = 2

    /// The state in its compact binary form.
    public func binaryEncoded() -> [UInt8] {
        var writer = BinaryWriter()
        writer.byte(Self.binaryFormatVersion)
        writer.string(phase.rawValue)
        writer.frame(current)
        writer.array(callStack) { $0.frame($1) }
        writer.dictionary(variables) { $0.value($1) }
        writer.dictionary(visits) { $0.count($1) }
        writer.array(onceFlags.sorted()) { $0.string($1) }
        writer.dictionary(views) { $0.count($1) }
        writer.array(pendingOptions) { writer, option in
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
        let format = try reader.byte()
        guard (1...Self.binaryFormatVersion).contains(format) else { throw BinaryStateError.unknownVersion }
        let phase = try reader.raw(Phase.self)
        let current = try reader.frame(format: format)
        let callStack = try reader.array { reader throws(BinaryStateError) in try reader.frame(format: format) }
            .compactMap { $0 }
        let variables = try reader.dictionary { reader throws(BinaryStateError) in try reader.value() }
        let visits = try reader.dictionary { reader throws(BinaryStateError) in try reader.count() }
        let onceFlags = Set(try reader.array { reader throws(BinaryStateError) in try reader.string() })
        let views = try reader.dictionary { reader throws(BinaryStateError) in try reader.count() }
        let pendingOptions = try reader.array { reader throws(BinaryStateError) in
            PendingOption(
                target: try reader.count(),
                onceFlag: try reader.optional { reader throws(BinaryStateError) in try reader.string() },
                isAvailable: try reader.bool())
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
            writer.unsigned(frame.version)
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
}

extension BinaryReader {
    fileprivate mutating func frame(format: UInt8) throws(BinaryStateError) -> DialogueState.Frame? {
        try optional { reader throws(BinaryStateError) in
            DialogueState.Frame(
                node: try reader.string(), position: try reader.count(),
                version: format >= 2 ? try reader.unsigned() : 0)
        }
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
}
