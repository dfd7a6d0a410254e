import CHunspell
import Foundation

/// Whether a word is a word of Dutch or English, by Hunspell's dictionaries (Debian's
/// `hunspell-nl`, `hunspell-en-gb`, `hunspell-en-us` in `/usr/share/hunspell`).
///
/// A dictionary costs tens of milliseconds and megabytes to load, so each is loaded once per
/// process, the first time a word needs it, never at start. Without a dictionary on the
/// machine nothing is known to be a word, and the readers fall back to what they know
/// themselves; `gids --version` names the files found (``files(for:)``).
public final class SpellingDictionary: @unchecked Sendable {
    /// The dictionaries of every language the layer knows, shared by the whole process: in the
    /// folders `$DICPATH` names (colon-separated, as for Hunspell itself), else in Debian's.
    public static let shared = SpellingDictionary(
        folders: ProcessInfo.processInfo.environment["DICPATH"].map { $0.split(separator: ":").map(String.init) }
            ?? ["/usr/share/hunspell", "/usr/share/myspell/dicts"])

    private let folders: [String]
    private let lock = NSLock()
    /// Loaded dictionaries by language; a language tried and not found maps to nil.
    private var handles: [ReadingLanguage: OpaquePointer?] = [:]

    /// Dictionaries looked for in these folders (`nl.aff` and `nl.dic`, ...).
    public init(folders: [String]) {
        self.folders = folders
    }

    deinit {
        for case let handle? in handles.values { Hunspell_destroy(handle) }
    }

    /// The files of a language's dictionary, if the machine has them.
    public func files(for language: ReadingLanguage) -> (affix: String, words: String)? {
        for folder in folders {
            for name in language.dictionaryNames {
                let affix = "\(folder)/\(name).aff"
                let words = "\(folder)/\(name).dic"
                if FileManager.default.isReadableFile(atPath: affix), FileManager.default.isReadableFile(atPath: words)
                {
                    return (affix, words)
                }
            }
        }
        return nil
    }

    /// Whether the machine has a dictionary for every language.
    public var isAvailable: Bool {
        ReadingLanguage.allCases.allSatisfy { files(for: $0) != nil }
    }

    /// Whether the folded word is spelt as a word of any of the languages (Hunspell also knows
    /// Dutch compounds it has never listed, "zelfmoordgedachten").
    public func isWord(_ word: String) -> Bool {
        ReadingLanguage.allCases.contains { isWord(word, in: $0) }
    }

    /// Whether the folded word is spelt as a word of the language.
    public func isWord(_ word: String, in language: ReadingLanguage) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard let handle = handle(for: language) else { return false }
        return Hunspell_spell(handle, word) != 0
    }

    /// The language's dictionary, loaded the first time; the caller holds the lock.
    private func handle(for language: ReadingLanguage) -> OpaquePointer? {
        if let known = handles[language] { return known }
        let loaded = files(for: language).flatMap { Hunspell_create($0.affix, $0.words) }
        handles[language] = .some(loaded)
        return loaded
    }
}
