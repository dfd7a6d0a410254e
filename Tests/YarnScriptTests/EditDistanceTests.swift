import Testing
import YarnScript

@Suite struct EditDistanceTests {
    @Test("edits are insertions, deletions, substitutions and swaps of neighbours")
    func distances() {
        #expect(EditDistance.between("zelfmoord", "zelfmoord") == 0)
        #expect(EditDistance.between("zelfmord", "zelfmoord") == 1)
        #expect(EditDistance.between("zelfomord", "zelfmoord") == 1)
        #expect(EditDistance.between("zelfmaord", "zelfmoord") == 1)
        #expect(EditDistance.between("zlefmaord", "zelfmoord") == 2)
        #expect(EditDistance.between("", "dood") == 4)
    }

    @Test("the one-pass check agrees with the full distance on every pair of short words over a small alphabet")
    func atMostOneAgrees() {
        // Every word of up to four letters over "abc": 121 words, 14,641 pairs.
        var words: [[Character]] = [[]]
        var frontier: [[Character]] = [[]]
        for _ in 1...4 {
            frontier = frontier.flatMap { word in ["a", "b", "c"].map { word + [$0] } }
            words += frontier
        }
        var disagreements: [String] = []
        for a in words {
            for b in words
            where EditDistance.isAtMostOne(a[...], b[...]) != (EditDistance.between(String(a), String(b)) <= 1) {
                disagreements.append("\(String(a)) / \(String(b))")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }
}
