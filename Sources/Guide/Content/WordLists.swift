import TextReading
import Yams
import YarnScript

/// A file of word lists per key and language, as `commands.yaml` and `answers.yaml` are:
///
///     stop:
///       nl: [stop, stoppen]
///       en: [quit, exit]
///
/// Every word is folded (``TextNormalizer/folded(_:)``), so case, accents and punctuation do
/// not count; every key of `Key` must have words, and no other key may appear.
struct WordLists<Key: RawRepresentable & CaseIterable & Hashable> where Key.RawValue == String {
    /// One word or phrase, folded, with the key it stands under and where it was written.
    struct Entry {
        var key: Key
        var word: String
        var node: Node
    }

    let entries: [Entry]

    /// Reads the lists; `what` names the file in messages ("the commands file") and `keyNoun`
    /// what a key is ("command").
    init(text: String, file: String, what: String, keyNoun: String) throws(DiagnosticList) {
        let reader = YAMLReader(file: file)
        var entries: [Entry] = []
        var problems: [Diagnostic] = []
        for (name, nameNode, value) in try reader.mapping(try reader.root(of: text), what: what) {
            guard let key = Key(rawValue: name) else {
                let expected = Key.allCases.map(\.rawValue).joined(separator: ", ")
                problems.append(reader.error(nameNode, "unknown \(keyNoun) '\(name)'; expected \(expected)"))
                continue
            }
            do throws(DiagnosticList) {
                for (_, _, list) in try reader.mapping(value, what: "the words for '\(name)'") {
                    for item in try reader.sequence(list, what: "the words for '\(name)'") {
                        let word = TextNormalizer.folded(try reader.string(item, what: "a word or phrase"))
                        guard !word.isEmpty else {
                            throw DiagnosticList([reader.error(item, "this has no letters or digits to look for")])
                        }
                        entries.append(Entry(key: key, word: word, node: item))
                    }
                }
            } catch {
                problems += error.diagnostics
            }
        }
        let missing = Key.allCases.filter { key in !entries.contains { $0.key == key } }
        if !missing.isEmpty {
            problems.append(
                Diagnostic(
                    .error, at: SourceLocation(file: file, line: 1, column: 1),
                    "no words for: \(missing.map(\.rawValue).joined(separator: ", "))"))
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        self.entries = entries
    }
}
