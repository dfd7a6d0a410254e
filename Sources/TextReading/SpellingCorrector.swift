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
    /// Every deletion's digest with the target it came from, in one sorted array of numbers:
    /// the digest's top 48 bits and the target's number in the low 16 (a dictionary of arrays
    /// took megabytes for a few thousand words). Found candidates are measured exactly, so a
    /// shortened digest costs nothing but a rare extra comparison.
    private let deletionIndex: [UInt64]
    private let known: Set<[Unicode.Scalar]>
    private let dictionary: SpellingDictionary?

    private static let targetBits: UInt64 = 0xFFFF

    /// A corrector towards these folded words; `dictionary` says which words are real words
    /// and so never corrected (nil: none is, for tests that must not depend on the machine).
    public init(vocabulary: some Sequence<String>, dictionary: SpellingDictionary? = .shared) {
        let words = Set(vocabulary.map { Array($0.unicodeScalars) })
        known = words
        targets = words.filter { $0.count >= Self.shortest }.sorted {
            $0.lexicographicallyPrecedes($1) { $0.value < $1.value }
        }.prefix(Int(Self.targetBits)).map { $0 }
        var index: [UInt64] = []
        for (number, target) in targets.enumerated() {
            Self.forEachDeletion(of: target) { index.append(($0 & ~Self.targetBits) | UInt64(number)) }
        }
        index.sort()
        var kept = 0
        for entry in index where kept == 0 || entry != index[kept - 1] {
            index[kept] = entry
            kept += 1
        }
        deletionIndex = Array(index[..<kept])
        self.dictionary = dictionary
    }

    /// The known word a folded word was meant to be: the nearest (the first in order when several
    /// are as near), if the word is not itself a word of Dutch or English.
    public func correction(for word: String) -> String? {
        let letters = Array(word.unicodeScalars)
        guard letters.count >= Self.shortest, !known.contains(letters) else { return nil }
        var candidates = Set<Int32>()
        Self.forEachDeletion(of: letters) { candidates.formUnion(targets(sharing: $0)) }
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
        let key = digest & ~Self.targetBits
        var low = 0
        var high = deletionIndex.count
        while low < high {
            let middle = (low + high) / 2
            if deletionIndex[middle] < key { low = middle + 1 } else { high = middle }
        }
        var found: [Int32] = []
        while low < deletionIndex.count, deletionIndex[low] & ~Self.targetBits == key {
            found.append(Int32(deletionIndex[low] & Self.targetBits))
            low += 1
        }
        return found
    }

    /// The digest of the word and of each form of it with one or two letters left out, worked
    /// out without making the forms (several may share a digest).
    private static func forEachDeletion(of word: [Unicode.Scalar], _ body: (UInt64) -> Void) {
        func digest(skipping first: Int, _ second: Int) -> UInt64 {
            var hash = FNV1a()
            for (position, letter) in word.enumerated() where position != first && position != second {
                hash.add(letter)
            }
            return hash.value
        }
        body(digest(skipping: -1, -1))
        for first in word.indices {
            body(digest(skipping: first, -1))
            for second in (first + 1)..<word.count { body(digest(skipping: first, second)) }
        }
    }
}
