import CStemmer

/// Word forms folded with Snowball (`libstemmer`): plurals, infinitives and inflections to
/// one stem, so that "pills" and "pill", "disappeared" and "disappear" read alike. Snowball
/// leaves Dutch participles ("gespaard") and many Dutch verb forms ("hangt") as they are;
/// the readers know that and use stems beside the words, never instead of them.
///
/// A stemmer is made per use: Snowball's are not safe to share between threads, and one
/// costs less than a microsecond to make.
public struct Stemmer: ~Copyable {
    private let stemmer: OpaquePointer?

    /// A stemmer for the language; without Snowball's algorithm for it every word is its own stem.
    public init(_ language: ReadingLanguage) {
        stemmer = sb_stemmer_new(language.snowballName, "UTF_8")
    }

    deinit {
        if let stemmer { sb_stemmer_delete(stemmer) }
    }

    /// The stem of a folded word.
    public func stem(_ word: String) -> String {
        guard let stemmer else { return word }
        var word = word
        return word.withUTF8 { bytes in
            guard let result = sb_stemmer_stem(stemmer, bytes.baseAddress, Int32(bytes.count)) else {
                return String(decoding: bytes, as: UTF8.self)
            }
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
        }
    }
}
