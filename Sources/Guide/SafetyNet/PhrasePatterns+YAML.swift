import Yams
import YarnScript

extension PhrasePatterns {
    /// Defines the named lists of a lexicon's `words:` section (`{name}` in its patterns),
    /// reporting each wrong word where it stands.
    mutating func defineLists(_ words: Node, reader: YAMLReader) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        do throws(DiagnosticList) {
            for (name, _, list) in try reader.mapping(words, what: "'words'") {
                _ = defineList(name, words: [])
                for item in try reader.sequence(list, what: "the words of '\(name)'") {
                    // Word by word, so that a wrong word is reported where it stands.
                    problems += defineList(name, words: [try reader.string(item, what: "a word")]).map {
                        reader.error(item, $0.message)
                    }
                }
            }
        } catch {
            problems += error.diagnostics
        }
        return problems
    }
}
