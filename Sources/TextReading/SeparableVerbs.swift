/// Dutch separable verbs joined back: "ik overweeg mezelf op te hangen" holds "ophangen",
/// "ik hang me op" holds "ophang", "ik stap er gewoon uit" holds "uitstap", "dat ik me op wil
/// hangen" holds "ophangen". A particle splits from its verb in a main clause (it goes to the
/// end), before "te", and before the verbs at the end of a subordinate clause; the readers
/// see the joined verb beside the words as written.
public enum SeparableVerbs {
    /// The particles that split from their verbs.
    static let particles: Set<String> = [
        "op", "af", "aan", "uit", "in", "mee", "weg", "door", "om", "over", "toe", "terug", "neer", "los", "vast",
        "kapot", "dood", "eruit", "erin", "eraf", "erop", "eronder", "ervandoor", "vandoor", "tegen", "na", "bij",
        "samen", "open", "dicht", "achter", "heen", "binnen", "buiten", "voorbij", "onder", "rond", "stil",
    ]

    /// Words that are never the verb a particle belongs to: pronouns, articles, small words.
    static let neverVerbs: Set<String> = [
        "ik", "k", "je", "jij", "ge", "gij", "u", "hij", "zij", "ze", "het", "t", "we", "wij", "jullie", "zich",
        "me", "mij", "mezelf", "mijzelf", "jezelf", "zichzelf", "hem", "haar", "hen", "hun", "de", "een", "dat",
        "die", "dit", "deze", "er", "daar", "hier", "niet", "nie", "geen", "wel", "ook", "nog", "al", "gewoon",
        "echt", "maar", "en", "of", "want", "dus", "toch", "even", "nu", "dan", "als", "zo", "heel", "erg",
        "mijn", "mn", "jouw", "zijn", "van", "met", "naar", "voor", "te", "om", "bij",
    ]

    /// For each word of a clause (its folded words in order), the joined verbs it may carry.
    public static func joined(in clause: [String]) -> [[String]] {
        var result = [[String]](repeating: [], count: clause.count)
        for (position, word) in clause.enumerated() where particles.contains(word) {
            let rest = clause[(position + 1)...]
            if rest.first == "te", rest.count >= 2 {
                // "op te hangen": the infinitive after "te".
                result[position + 2].append(word + clause[position + 2])
            } else if rest.isEmpty {
                // "ik hang me op": a particle closing the clause goes with each verb before it.
                for earlier in clause.indices.prefix(position) where isVerbCandidate(clause[earlier]) {
                    result[earlier].append(word + clause[earlier])
                }
            } else if rest.count <= 2, let last = rest.last, isVerbCandidate(last), !particles.contains(last) {
                // "dat ik me op wil hangen", "dat ik eruit stap": the verbs closing a subordinate clause.
                result[clause.count - 1].append(word + last)
            }
        }
        return result
    }

    private static func isVerbCandidate(_ word: String) -> Bool {
        word.unicodeScalars.count >= 2 && !neverVerbs.contains(word) && !particles.contains(word)
    }
}
