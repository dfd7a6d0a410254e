#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension String {
    /// Whether the text's UTF-8 holds this byte. `memchr` over the contiguous bytes: the
    /// generic `utf8.contains` walks them one at a time, which on every line a turn shows
    /// cost about 5% of a served turn.
    func containsUTF8(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        } ?? utf8.contains(byte)
    }
}
