/// FNV-1a with 64 bits: a hash that is the same in every process and on every machine
/// (Swift's `Hasher` is seeded anew in each process), for values that are stored and
/// compared later, such as a node's version or a session's seed.
public enum StableHash {
    /// The hash of the text's UTF-8 bytes.
    public static func of(_ text: String) -> UInt64 {
        text.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }
}
