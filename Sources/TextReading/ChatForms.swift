/// Chat and Flemish spellings of common words, read as the standard word: "k" as "ik", "t" as
/// "het", "nie" as "niet", "ge" as "je", "u" as "you", "ur" as "your". BRIEF §10 expects them
/// everywhere (dropped final letters, clitic pronouns, "ge"/"gij", chat abbreviations); the
/// readers see the standard word beside the one typed, so rules and lexicons name a word
/// once. A form stands for single words: what stands for a phrase ("kzou", "ik zou") the
/// lexicons list themselves, and slang with a meaning of its own ("unalive") is theirs too.
public enum ChatForms {
    /// The standard words a folded chat form may stand for (one per language it is used in).
    public static func standard(for word: String) -> [String] {
        forms[word] ?? []
    }

    private static let forms: [String: [String]] = [
        // Dutch and Flemish.
        "k": ["ik"], "kik": ["ik"], "t": ["het"], "et": ["het"], "nie": ["niet"], "ni": ["niet"], "nt": ["niet"],
        "da": ["dat"], "ge": ["je"], "gij": ["jij"], "gy": ["jij"], "zijt": ["bent"], "zedde": ["ben"],
        "zen": ["ben"], "zijde": ["ben"], "em": ["hem"], "mn": ["mijn"], "mijne": ["mijn"], "zn": ["zijn"],
        "ff": ["even"], "effe": ["even"], "efkes": ["even"], "eventjes": ["even"], "wa": ["wat"],
        "nx": ["niks"], "wrm": ["waarom"], "ma": ["maar"], "mss": ["misschien"], "idd": ["inderdaad"],
        "gene": ["geen"], "gn": ["geen"], "dr": ["er"], "der": ["er"], "ne": ["een"], "nen": ["een"],
        "ie": ["hij"], "vanavnd": ["vanavond"], "vnacht": ["vannacht"], "mrgn": ["morgen"],
        // English.
        "u": ["you", "jij"], "ya": ["you"], "ur": ["your"], "r": ["are"], "im": ["i"], "ive": ["i"],
        "cant": ["cannot"], "cnt": ["cannot"], "wanna": ["want"], "gonna": ["going"], "gotta": ["must"],
        "cuz": ["because"], "coz": ["because"], "bc": ["because"], "rn": ["now"], "tmrw": ["tomorrow"],
        "tmr": ["tomorrow"], "tonite": ["tonight"], "nite": ["night"], "abt": ["about"], "smth": ["something"],
        "sth": ["something"], "ppl": ["people"], "pls": ["please"], "plz": ["please"],
    ]
}
