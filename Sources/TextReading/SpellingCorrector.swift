/// Reads a long word that the readers do not know as the known word it was meant to be,
/// when it is at most two edits away and is not itself a word of Dutch or English:
/// "zelfmort" as "zelfmoord", "gesneeeden" as "gesneden", "suicde" as "suicide".
///
/// Only the readers' own vocabulary is a target (the words of the lexicons), so a typo can
/// only ever become a word that matters to them, and a real word ("verdwaald", not a typo of
/// "verdwalen") is never changed: Hunspell's dictionaries are asked, and only for a word
/// that has a near neighbour in the vocabulary, which is rare, so they load rarely.
///
/// Words and targets of at least ``shortest`` letters only: shorter words have too many
/// neighbours for two edits to mean a typo. Candidates are found through their deletions (a
/// word and every form of it with one or two letters left out share a deletion with each
/// word two edits away), then measured exactly.
public struct SpellingCorrector: Sendable {
    /// The shortest word corrected, and the shortest target.
    public static let shortest = 6
    /// The most edits a correction may make.
    public static let maximumEdits = 2

    private let targets: [[Unicode.Scalar]]
    /// Every deletion's digest with the target it came from, sorted by digest (one flat array:
    /// a dictionary of arrays took megabytes for a few thousand words).
    private let deletionIndex: [(digest: UInt64, target: Int32)]
    private let known: Set<[Unicode.Scalar]>
    private let dictionary: SpellingDictionary?

    /// A corrector towards these folded words; `dictionary` says which words are real words
    /// and so never corrected (nil: none is, for tests that must not depend on the machine).
    public init(vocabulary: some Sequence<String>, dictionary: SpellingDictionary? = .shared) {
        let words = Set(vocabulary.map { Array($0.unicodeScalars) })
        known = words
        targets = words.filter { $0.count >= Self.shortest }.sorted {
            $0.lexicographicallyPrecedes($1) { $0.value < $1.value }
        }
        var index: [(digest: UInt64, target: Int32)] = []
        for (number, target) in targets.enumerated() {
            for digest in Set(Self.deletions(of: target).map(FNV1a.of)) { index.append((digest, Int32(number))) }
        }
        deletionIndex = index.sorted { ($0.digest, $0.target) < ($1.digest, $1.target) }
        self.dictionary = dictionary
    }

    /// The known word a folded word was meant to be, if it is a typo of exactly one nearest one.
    public func correction(for word: String) -> String? {
        let letters = Array(word.unicodeScalars)
        guard letters.count >= Self.shortest, !known.contains(letters) else { return nil }
        var candidates = Set<Int32>()
        for deletion in Self.deletions(of: letters) { candidates.formUnion(targets(sharing: FNV1a.of(deletion))) }
        var best: (distance: Int, target: Int)?
        for candidate in candidates.sorted() {
            let target = targets[Int(candidate)]
            guard let distance = EditDistance.distance(letters, target, bound: Self.maximumEdits), distance > 0 else {
                continue
            }
            if best.map({ distance < $0.distance }) ?? true { best = (distance, Int(candidate)) }
        }
        guard let best else { return nil }
        if let dictionary, dictionary.isWord(word) { return nil }
        return String(String.UnicodeScalarView(targets[best.target]))
    }

    /// The targets with a deletion of this digest.
    private func targets(sharing digest: UInt64) -> [Int32] {
        var low = 0
        var high = deletionIndex.count
        while low < high {
            let middle = (low + high) / 2
            if deletionIndex[middle].digest < digest { low = middle + 1 } else { high = middle }
        }
        var found: [Int32] = []
        while low < deletionIndex.count, deletionIndex[low].digest == digest {
            found.append(deletionIndex[low].target)
            low += 1
        }
        return found
    }

    /// The word and each form of it with one or two letters left out.
    private static func deletions(of word: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var result = [word]
        for first in word.indices {
            var once = word
            once.remove(at: first)
            result.append(once)
            for second in first..<once.count {
                var twice = once
                twice.remove(at: second)
                result.append(twice)
            }
        }
        return result
    }
}
