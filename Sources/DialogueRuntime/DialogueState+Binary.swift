/// A compact binary form of ``DialogueState`` for storage, about ten times faster to
/// write and read than JSON. The JSON (`Codable`) form stays available for debugging.
///
/// Layout: a version byte, then each field in declaration order; integers as LEB128
/// varints, strings as a varint length plus UTF-8, collections as a varint count plus
/// their elements, dictionaries sorted by key so equal states give equal bytes.
extension DialogueState {
    /// The version of the binary layout; bump it (and keep reading the old one) when it changes.
    static let binaryFormatVersion: UInt8 = 1

    /// The state in its compact binary form.
    public func binaryEncoded() -> [UInt8] {
        var writer = BinaryWriter()
        writer.bytes.append(Self.binaryFormatVersion)
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
            writer.optionalString(option.onceFlag)
            writer.bytes.append(option.isAvailable ? 1 : 0)
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
        guard let phase = Phase(rawValue: try reader.string()) else { throw BinaryStateError.malformed }
        let current = try reader.frame()
        var callStack: [Frame] = []
        for _ in 0..<(try reader.count()) { if let frame = try reader.frame() { callStack.append(frame) } }
        var variables: [String: Value] = [:]
        for _ in 0..<(try reader.count()) {
            let name = try reader.string()
            variables[name] = try reader.value()
        }
        let visits = try reader.counts()
        var onceFlags: Set<String> = []
        for _ in 0..<(try reader.count()) { onceFlags.insert(try reader.string()) }
        let views = try reader.counts()
        var pendingOptions: [PendingOption] = []
        for _ in 0..<(try reader.count()) {
            pendingOptions.append(PendingOption(target: try reader.count(), onceFlag: try reader.optionalString(), isAvailable: try reader.byte() == 1))
        }
        guard let saliency = SaliencyStrategy(rawValue: try reader.string()) else { throw BinaryStateError.malformed }
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

/// Why bytes could not be read as a ``DialogueState``.
public enum BinaryStateError: Error, Hashable, Sendable {
    /// Written by another version of gids that this one cannot read.
    case unknownVersion
    /// Truncated or damaged.
    case malformed
}

private struct BinaryWriter {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(256) }

    mutating func unsigned(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func count(_ value: Int) { unsigned(UInt64(max(0, value))) }

    mutating func string(_ text: String) {
        count(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    mutating func optionalString(_ text: String?) {
        if let text {
            bytes.append(1)
            string(text)
        } else {
            bytes.append(0)
        }
    }

    mutating func frame(_ frame: DialogueState.Frame?) {
        guard let frame else { return bytes.append(0) }
        bytes.append(1)
        string(frame.node)
        count(frame.position)
    }

    mutating func value(_ value: Value) {
        switch value {
        case .bool(let flag): bytes.append(flag ? 1 : 0)
        case .number(let number):
            bytes.append(2)
            withUnsafeBytes(of: number.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        case .string(let text):
            bytes.append(3)
            string(text)
        }
    }

    mutating func counts(_ dictionary: [String: Int]) {
        count(dictionary.count)
        for (key, value) in dictionary.sorted(by: { $0.key < $1.key }) {
            string(key)
            count(value)
        }
    }
}

private struct BinaryReader {
    let bytes: [UInt8]
    var index = 0

    var isAtEnd: Bool { index == bytes.count }

    mutating func byte() throws(BinaryStateError) -> UInt8 {
        guard index < bytes.count else { throw .malformed }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func unsigned() throws(BinaryStateError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw .malformed }
            result |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return result }
            shift += 7
        }
    }

    mutating func count() throws(BinaryStateError) -> Int {
        let value = try unsigned()
        guard value <= UInt64(bytes.count) * 1024 + 1_000_000 else { throw .malformed }
        return Int(value)
    }

    mutating func string() throws(BinaryStateError) -> String {
        let length = try count()
        guard length <= bytes.count - index else { throw .malformed }
        defer { index += length }
        guard let text = String(validating: bytes[index..<(index + length)], as: UTF8.self) else { throw .malformed }
        return text
    }

    mutating func optionalString() throws(BinaryStateError) -> String? {
        try byte() == 1 ? try string() : nil
    }

    mutating func frame() throws(BinaryStateError) -> DialogueState.Frame? {
        guard try byte() == 1 else { return nil }
        return DialogueState.Frame(node: try string(), position: try count())
    }

    mutating func value() throws(BinaryStateError) -> Value {
        switch try byte() {
        case 0: return .bool(false)
        case 1: return .bool(true)
        case 2:
            guard index + 4 <= bytes.count else { throw .malformed }
            var bits: UInt32 = 0
            for offset in 0..<4 { bits |= UInt32(bytes[index + offset]) << (8 * offset) }
            index += 4
            return .number(Float(bitPattern: bits))
        case 3: return .string(try string())
        default: throw .malformed
        }
    }

    mutating func counts() throws(BinaryStateError) -> [String: Int] {
        var result: [String: Int] = [:]
        for _ in 0..<(try count()) {
            let key = try string()
            result[key] = try count()
        }
        return result
    }
}
