/// FNV-1a with 64 bits: the same in every process and on every machine (Swift's `Hasher` is
/// seeded anew in each process), for the digests the language layer files and stores: the
/// features of the learned readers and the spelling corrector's index.
public struct FNV1a: Sendable {
    public private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    public init() {}

    /// Starts from a seed, so that one string gives different digests in different roles.
    public init(seed: UInt64) {
        value ^= seed
    }

    public mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    public mutating func add(_ scalar: Unicode.Scalar) {
        value = (value ^ UInt64(scalar.value)) &* 0x0000_0100_0000_01B3
    }

    public mutating func add(_ text: String) {
        for byte in text.utf8 { add(byte) }
    }

    /// Adds a scalar as its UTF-8 bytes, as ``add(_:)-(String)`` adds the text it stands in.
    public mutating func addUTF8(_ scalar: Unicode.Scalar) {
        if let bytes = UTF8.encode(scalar) {
            for byte in bytes { add(byte) }
        }
    }
}
