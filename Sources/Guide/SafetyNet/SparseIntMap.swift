/// A map from non-negative integers (a lexicon's term or pattern numbers) to small numbers,
/// for the few keys one text touches: open addressing over arrays that grow with the keys put
/// in, not with the lexicon. One text matches a few dozen of the lexicon's many thousand
/// terms; an array as long as the lexicon, allocated and cleared for every message, cost more
/// than all the look-ups together.
struct SparseIntMap {
    /// The keys in their places (-1: empty), and the value of each.
    private var keys: [Int32]
    private var values: [Int32]
    /// The number of keys put in.
    private(set) var count = 0

    /// An empty map with room for `capacity` keys before it grows.
    init(capacity: Int = 8) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [Int32](repeating: -1, count: size)
        values = [Int32](repeating: 0, count: size)
    }

    /// The value of a key, or nil.
    subscript(key: Int) -> Int32? {
        var place = Self.home(of: key, mask: keys.count - 1)
        while true {
            let found = keys[place]
            if found == Int32(key) { return values[place] }
            if found < 0 { return nil }
            place = (place + 1) & (keys.count - 1)
        }
    }

    /// Whether the key has a value.
    func contains(_ key: Int) -> Bool {
        self[key] != nil
    }

    /// Puts in a key that has no value yet.
    mutating func insert(_ key: Int, value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        var place = Self.home(of: key, mask: keys.count - 1)
        while keys[place] >= 0 { place = (place + 1) & (keys.count - 1) }
        keys[place] = Int32(key)
        values[place] = value
        count += 1
    }

    /// The place a key is looked for first: Fibonacci hashing spreads neighbouring numbers.
    private static func home(of key: Int, mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.0 >= 0 }
        self = SparseIntMap(capacity: keys.count)
        for (key, value) in old { insert(Int(key), value: value) }
    }
}
