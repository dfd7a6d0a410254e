import Testing

@testable import Guide

/// The map the phrase matcher keeps its terms and patterns in: every key put in is found with
/// its value after the map grew, and keys never put in are not, neighbours or far apart.
@Suite struct SparseIntMapTests {
    @Test("keys are found with their values through growth; others are not")
    func keysThroughGrowth() {
        var map = SparseIntMap()
        let keys = (0..<500).map { $0 * 37 % 9_973 } + [0, 1, 65_535, 1_000_000]
        var put: [Int: Int32] = [:]
        for (value, key) in keys.enumerated() where put[key] == nil {
            map.insert(key, value: Int32(value))
            put[key] = Int32(value)
        }
        #expect(map.count == put.count)
        for (key, value) in put { #expect(map[key] == value, "key \(key)") }
        for key in [2, 3, 9_972, 65_534, 999_999] where put[key] == nil {
            #expect(!map.contains(key), "key \(key)")
        }
    }
}
