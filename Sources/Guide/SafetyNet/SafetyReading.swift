import TextReading

/// One message read with the ``SafetyLexicon``: which risks it names, about whom, and how
/// (negated, asked, told afterwards, in clinical talk).
///
/// The lexicon's risk patterns find what is said; the lists of words decide what it means:
///
/// - **Who.** A reflexive inside the match says it ("mezelf", "zich", "himself"); else the
///   writer named inside it ("zonder mij", "mijn leven") or the one addressed; else the one
///   asked, when the risk is what someone is asked about ("hoe vraag ik een cliënt naar
///   suïcidale gedachten"); else someone named as its first word ("hij slaat me"); else the
///   person a relative pronoun right before it or starting its stretch stands for ("een
///   collega die zelfmoordgedachten heeft", "a client who does self-harm"), or the person who
///   has it "met" or "with" it ("een cliënt met suïcidale gedachten"), unless the writer is
///   that person ("ik ben een meisje met ...", "I'm someone who ..."); else the first person
///   named in the nearest stretch before it (a new stretch starts at "dat", "die", "that", a
///   clause break or a comma), skipping the object of a preposition ("een patiënt van mij");
///   else the nearest after it in its clause ("dood wil ik"). "Mijn collega" is someone else,
///   "mijn leven" the writer's, and "hij" whoever was named last. No one named is the writer.
/// - **Negated.** A negation in the match's gaps ("ik wil niet dood"), before it in its clause
///   up to a clause break ("niet depressief maar ik wil dood" is not negated), just after it
///   ("dood wil ik niet"), or a short denial after it ("suicidal, no"; "zelfmoordgedachten?
///   nee hoor"). A negation is not proof of safety: it turns the crisis answer into the check.
/// - **Asked.** A question that names the one addressed, or names no one, is asked: the check.
///   So is the writer's wish to be dead or thought of suicide with laughter after it ("I'll
///   kill myself lol"): a joke and a risk said as one look alike.
/// - **Clinical.** A risk inside clinical or training talk (suïcidepreventie, patients with
///   suicidal ideation) is not about the writer; a risk named in one word, with no one, in a
///   clause that names a course ("een vorming rond zelfdoding") is asked about. Each
///   place a rule matches is read on its own, so the writer's own risk after a course's
///   subject in the same sentence is still theirs.
/// - **Leaving the job.** A hint of preparing or giving up (a `check:` rule) in a message that
///   names a next job or place of work, not denied ("daarna begin ik bij de gemeente"), is
///   about the job: no answer.
/// - **Someone else.** Urgent now, or a clear risk not told as done, is someone else in
///   danger; told as done ("overleden", "took his own life") is someone else's death; a
///   patient's risk with neither is clinical talk.
struct SafetyReading {
    /// Whom a risk is about.
    enum Holder {
        case writer, listener, someoneElse, patient
        /// People in general ("sommige collega's denken ... aan een eind aan hun leven"): nobody in danger.
        case people

        /// The holder of a clause the language layer read, if it names one.
        init?(_ holder: Clause.Holder) {
            switch holder {
            case .writer: self = .writer
            case .listener: self = .listener
            case .patient: self = .patient
            case .someoneElse: self = .someoneElse
            case .people: self = .people
            case .nobody: return nil
            }
        }
    }

    let lexicon: SafetyLexicon
    let text: Passage
    /// The passage's clauses: who each is about, and whether it gives someone's words.
    let clauses: [Clause]
    private var matcher: PhraseMatcher
    private var coveredWords: [CoverKey: Set<Int>] = [:]
    private var urgency: Bool?
    private var jobChange: Bool?

    init(_ text: Passage, readings: WordReadings, clauses: [Clause], with lexicon: SafetyLexicon) {
        self.lexicon = lexicon
        self.text = text
        self.clauses = clauses
        matcher = lexicon.patterns.matcher(for: text.words, alternatives: readings.alternatives)
    }

    /// The most urgent thing the message says, with every reason for it.
    mutating func assessment() -> SafetyAssessment {
        var best = SafetyAssessment.nothing
        // Only the rules that a word of the message can anchor and whose every word could be
        // there, and the rules of one long word found inside a word no pattern knows
        // ("ikdenkaanzelfmoord").
        var isCandidate = [Bool](repeating: false, count: lexicon.rules.count)
        for term in matcher.matchedTerms {
            for index in lexicon.rulesByAnchor[term] where matcher.mayMatch(lexicon.rules[index].parts) {
                isCandidate[index] = true
            }
        }
        var runTogether: [Int: Int] = [:]
        let unknownLongWords = text.words.indices.filter {
            text.words[$0].utf8.count >= 7 && !matcher.matchesAnyTerm(word: $0)
        }
        if !unknownLongWords.isEmpty {
            for index in lexicon.compactRules {
                guard let stem = lexicon.rules[index].parts[0].compactStem,
                    let word = unknownLongWords.first(where: { Self.bytes(Array(text.words[$0].utf8), contain: stem) })
                else { continue }
                runTogether[index] = word
                isCandidate[index] = true
            }
        }
        for index in isCandidate.indices where isCandidate[index] {
            let rule = lexicon.rules[index]
            // Only the sentences where the rule's first word stands, or its stem, run together.
            var sentences = Set(matcher.starts(of: rule.parts[0]).map { text.sentenceOfWord[$0] })
            if let word = runTogether[index] { sentences.insert(text.sentenceOfWord[word]) }
            for sentence in sentences.sorted() {
                var found = matches(rule, in: sentence)
                if found.isEmpty, let word = runTogether[index], text.sentenceOfWord[word] == sentence {
                    let together = PhraseMatch(span: word...word, termWords: [word])
                    if !isIdiom(together, in: text.sentenceRanges[sentence]) { found = [together] }
                }
                // Each place the rule matches is read on its own: a risk named twice in one
                // sentence may be a course's subject first and the writer's own after it.
                for match in found {
                    let verdict = decide(rule, match, in: sentence)
                    guard verdict.decision >= best.decision, verdict.decision != .none else { continue }
                    let reason = explanation(rule, match, verdict.how)
                    if verdict.decision > best.decision {
                        best = SafetyAssessment(
                            decision: verdict.decision, category: rule.category, reasons: [reason],
                            isQuestionToListener: verdict.toListener)
                    } else if !best.reasons.contains(reason) {
                        best.reasons.append(reason)
                        best.isQuestionToListener = best.isQuestionToListener && verdict.toListener
                    }
                }
            }
        }
        return best
    }

    /// Whether UTF-8 bytes hold `stem` somewhere (a byte search is exact for UTF-8).
    private static func bytes(_ bytes: [UInt8], contain stem: [UInt8]) -> Bool {
        guard stem.count <= bytes.count else { return false }
        return (0...(bytes.count - stem.count)).contains { bytes[$0..<($0 + stem.count)].elementsEqual(stem) }
    }

    // MARK: - Matching

    /// Each place the rule's first part matches in the sentence outside every idiom, with the
    /// words of its other parts, matched in its clause (`~`), in the sentence or across a colon
    /// (`+`), or anywhere (`&`).
    private mutating func matches(_ rule: SafetyLexicon.Rule, in sentence: Int) -> [PhraseMatch] {
        let range = text.sentenceRanges[sentence]
        return matcher.matches(of: rule.parts[0], within: range).compactMap { first in
            isIdiom(first, in: range) ? nil : completing(rule, from: first)
        }
    }

    /// The match of the rule's first part joined with the words of its other parts, or nil
    /// when one of them is not there.
    private mutating func completing(_ rule: SafetyLexicon.Rule, from first: PhraseMatch) -> PhraseMatch? {
        var combined = first
        for (index, part) in rule.parts.enumerated().dropFirst() {
            let range: Range<Int>
            switch rule.scopes[index] {
            case .clause: range = text.clauseRanges[text.clauseOfWord[first.span.lowerBound]]
            case .sentence: range = text.passageRanges[text.sentenceOfWord[first.span.lowerBound]]
            case .message: range = 0..<text.words.count
            }
            guard let found = matcher.matches(of: part, within: range).first(where: { !isIdiom($0, in: range) }) else {
                return nil
            }
            combined.termWords += found.termWords
        }
        return combined
    }

    private mutating func isIdiom(_ found: PhraseMatch, in range: Range<Int>) -> Bool {
        covered(found, by: \.idioms, in: range)
    }

    /// Whether every word the match's terms took is a word the terms of one of the patterns
    /// took too: an idiom's gap does not cover a risk ("hitte * dood" holds no idiom in "de
    /// hitte en ik wil dood").
    private mutating func covered(
        _ found: PhraseMatch, by section: KeyPath<SafetyLexicon, [PhrasePatterns.Pattern]>, in range: Range<Int>
    ) -> Bool {
        let key = CoverKey(section: section, range: range)
        if coveredWords[key] == nil {
            var words: Set<Int> = []
            for pattern in lexicon[keyPath: section] where matcher.mightMatch(pattern) {
                for match in matcher.matches(of: pattern, within: range) { words.formUnion(match.termWords) }
            }
            coveredWords[key] = words
        }
        let words = coveredWords[key] ?? []
        return found.termWords.allSatisfy { words.contains($0) }
    }

    /// The words a section's phrases took in a range of words, worked out once.
    private struct CoverKey: Hashable {
        var section: KeyPath<SafetyLexicon, [PhrasePatterns.Pattern]>
        var range: Range<Int>
    }

    // MARK: - Deciding

    private mutating func decide(_ rule: SafetyLexicon.Rule, _ found: PhraseMatch, in sentence: Int) -> Verdict {
        let range = text.sentenceRanges[sentence]
        let main = PhraseMatch(span: found.span, termWords: found.termWords.filter { found.span.contains($0) })
        if covered(main, by: \.clinical, in: range) { return Verdict(.clinical, "clinical or training talk") }
        // Only ever said of someone else: "overleden door zelfdoding", "died by suicide".
        if rule.level == .told || covered(main, by: \.completed, in: range) {
            return Verdict(.aboutSomeoneElse, "someone else's death")
        }
        if rule.category == "harm-others", isHarmedByPatient(found) {
            return Verdict(.none, "the writer harmed by a patient: an incident")
        }
        let asks = text.sentenceAsks[sentence]
        let clause = clauses[text.clauseOfWord[found.span.lowerBound]]
        if clause.isQuoted, clause.speaker == nil, rule.category != "danger" {
            // Quoted words whose speaker is not named may be the writer's own: ask.
            return Verdict(.check, "quoted, whose words is not said")
        }
        // Quoted or reported words are their speaker's ("de cliënt zei: 'ik wil dood'").
        let speaker = clause.isQuoted ? clause.speaker.flatMap(Holder.init) : directSpeaker(of: found)
        switch rule.category == "danger" ? .writer : speaker ?? holder(of: found, in: range) {
        case .people?:
            return Verdict(.clinical, "people in general")
        case .writer?:
            // A question that names the one addressed ("waardoor je denkt: ik wil er niet meer zijn?").
            if asks, names(.listener, in: text.passageRanges[sentence].lowerBound..<found.span.lowerBound) {
                return Verdict(.check, "a question to the listener", toListener: true)
            }
            if isNegated(found, in: sentence) { return Verdict(.check, "negated") }
            // The writer named beside a course's topic ("ik heb de vorming rond suïcide gevolgd")
            // may be its student or its subject: ask.
            if namesCourse(for: found, by: rule, asItsTopic: true) {
                return Verdict(.check, "the subject of a course the writer names")
            }
            if isTopicOfAsking(found, by: rule) { return Verdict(.check, "the topic of asking, no one asked") }
            if rule.level == .check, changesJob { return Verdict(.none, "a change of job") }
            if isAskedWhether(found) { return Verdict(.check, "asked whether, about the writer") }
            if isLaughedOff(found, by: rule, in: range) { return Verdict(.check, "said laughing, about the writer") }
            return rule.level == .crisis
                ? Verdict(.crisis, "about the writer") : Verdict(.check, "about the writer, possible risk")
        case nil:
            // No one named: the writer, unless it is asked ("zelfmoordgedachten?"), or named as
            // the subject of a course ("een vorming rond zelfdoding"), which may still be the
            // writer's own: ask, never conclude either way.
            if asks { return Verdict(.check, "a question, no one named") }
            if isNegated(found, in: sentence) { return Verdict(.check, "negated") }
            if namesCourse(for: found, by: rule) {
                return Verdict(.check, "the subject of a course, no one named")
            }
            if isTopicOfAsking(found, by: rule) { return Verdict(.check, "the topic of asking, no one named") }
            if rule.level == .check, changesJob { return Verdict(.none, "a change of job") }
            if isLaughedOff(found, by: rule, in: range) { return Verdict(.check, "said laughing, the writer") }
            return rule.level == .crisis ? Verdict(.crisis, "the writer") : Verdict(.check, "the writer, possible risk")
        case .listener?:
            return Verdict(.check, "a question to the listener", toListener: true)
        case .someoneElse?:
            if hasUrgency { return Verdict(.someoneElseInDanger, "someone else, now") }
            if isAskedWhether(found) { return Verdict(.clinical, "someone else, asked whether") }
            if says(lexicon.completed, in: range) { return Verdict(.aboutSomeoneElse, "someone else, afterwards") }
            return rule.level == .crisis
                ? Verdict(.someoneElseInDanger, "someone else")
                : Verdict(.aboutSomeoneElse, "someone else, possible risk")
        case .patient?:
            if isUrgent(beyondTellingOf: found, by: rule) { return Verdict(.someoneElseInDanger, "a patient, now") }
            if says(lexicon.completed, in: range) { return Verdict(.aboutSomeoneElse, "a patient, afterwards") }
            return Verdict(.clinical, "a patient")
        }
    }

    /// A decision on one match, and how it was reached.
    private struct Verdict {
        var decision: SafetyAssessment.Decision
        var how: String
        var toListener = false

        init(_ decision: SafetyAssessment.Decision, _ how: String, toListener: Bool = false) {
            self.decision = decision
            self.how = how
            self.toListener = toListener
        }
    }

    private func explanation(_ rule: SafetyLexicon.Rule, _ found: PhraseMatch, _ how: String) -> String {
        // The first part's words as they stand, then each word another part matched elsewhere.
        let others = found.termWords.filter { !found.span.contains($0) }.sorted().map { text.words[$0] }
        let words = ([found.span.map { text.words[$0] }.joined(separator: " ")] + others).joined(separator: " … ")
        return
            "\(rule.category) (\(rule.level.rawValue), \(how)): \"\(words)\" ~ '\(rule.text)' (\(rule.file):\(rule.line))"
    }

    // MARK: - Who

    /// Whom the match is about, or nil when no one is named.
    private mutating func holder(of found: PhraseMatch, in range: Range<Int>) -> Holder? {
        let inMatch = Array(found.span) + found.termWords.filter { !found.span.contains($0) }.sorted()
        // A reflexive says whose it is: "mezelf", "zich", "himself".
        for word in inMatch where `is`(word, .reflexive) {
            if let holder = person(at: word, in: range) { return holder }
        }
        // The writer named inside the risk ("zonder mij", "mijn leven"), or the one addressed;
        // not the writer as the one told ("she told me she'd ...").
        for word in inMatch where !isToldSomething(word) {
            if `is`(word, .self) || `is`(word, .possessive) { return .writer }
            if `is`(word, .listener) { return .listener }
        }
        // The topic of asking someone ("vraag ik een cliënt naar suïcidale gedachten").
        if let asked = oneAsked(about: found, in: range) { return asked }
        // Someone else as the risk's first word ("hij slaat me").
        if let holder = person(at: found.span.lowerBound, in: range) { return holder }
        // Right after a relative pronoun, the person it stands for ("een collega die
        // zelfmoordgedachten heeft").
        if let antecedent = antecedent(ofRelative: found.span.lowerBound - 1, in: range) { return antecedent }
        // The person who has it ("een cliënt met suïcidale gedachten"), unless that is the
        // writer ("ik ben een meisje met zelfmoordgedachten").
        for having in [found.span.lowerBound - 1, found.span.lowerBound - 2]
        where having - 1 >= range.lowerBound && `is`(having, .having) && !isTheWriter(having - 1) {
            if let bearer = person(at: having - 1, in: range) { return bearer }
        }
        // Before it: the first person of the nearest stretch (between subordinators and clause
        // breaks) that names one; a new subject starts at "dat", "die", "that", "who", and a
        // stretch that a relative pronoun starts is held by the person it stands for ("a
        // client who does self-harm").
        var end = found.span.lowerBound
        while end > range.lowerBound {
            var start = end - 1
            while start > range.lowerBound, !isBoundary(start - 1) { start -= 1 }
            for word in start..<end where !(word > range.lowerBound && isPreposition(word - 1)) {
                if let holder = person(at: word, in: range) { return holder }
            }
            // Only the relative clause the risk stands in: "mijn broer die vorig jaar overleed en
            // wil ook dood" is the writer's.
            if end == found.span.lowerBound, !(start..<end).contains(where: { `is`($0, .clauseBreaks) }),
                let antecedent = antecedent(ofRelative: start - 1, in: range)
            {
                return antecedent
            }
            end = start - 1 >= range.lowerBound ? start - 1 : range.lowerBound
            if start == range.lowerBound { break }
        }
        // After it in its clause ("dood wil ik").
        let clause = text.clauseOfWord[found.span.upperBound]
        for word in (found.span.upperBound + 1)..<range.upperBound where text.clauseOfWord[word] == clause {
            if isPreposition(word - 1) { continue }
            if let holder = person(at: word, in: range) { return holder }
        }
        return nil
    }

    /// The person a relative pronoun at the word stands for: the one named right before it ("een
    /// cliënt die", "a client who"), unless that is the writer ("ik ben iemand die", "I'm only
    /// a 15 year old girl who"), whom the scan before it finds. Nil when the word is no relative
    /// pronoun or no person stands right before it.
    private mutating func antecedent(ofRelative word: Int, in range: Range<Int>) -> Holder? {
        guard word - 1 >= range.lowerBound, `is`(word, .relatives), !isTheWriter(word - 1) else { return nil }
        return person(at: word - 1, in: range)
    }

    /// Whether the person named at the word is the writer, described: a copula with the writer
    /// as its subject stands before it in its clause ("ik ben een meisje", "I'm someone",
    /// "I am only a girl"), not another subject's ("er is een cliënt").
    private mutating func isTheWriter(_ word: Int) -> Bool {
        let clause = text.clauseRanges[text.clauseOfWord[word]]
        return (clause.lowerBound..<word).contains { copula in
            `is`(copula, .copulas)
                && (`is`(copula, .self) || (copula > clause.lowerBound && `is`(copula - 1, .self))
                    || (copula + 1 < word && `is`(copula + 1, .self)))
        }
    }

    /// The categories of a wish to be dead and a thought of suicide: said laughing, or reported
    /// of a patient with the time it was said, they are read apart from plans, means and acts.
    private static let wishesAndThoughts: Set<String> = ["wish-dead", "thoughts"]

    /// Whether the writer's wish to be dead or thought of suicide is laughed off: laughter after
    /// it in its sentence ("I'll kill myself lol", "ik wil dood haha"), and nothing urgent.
    /// Plans, means, acts and self-harm are not joked about this way; they stay as they are.
    private mutating func isLaughedOff(_ found: PhraseMatch, by rule: SafetyLexicon.Rule, in range: Range<Int>)
        -> Bool
    {
        Self.wishesAndThoughts.contains(rule.category) && !hasUrgency
            && names(.laughter, in: found.span.upperBound..<range.upperBound)
    }

    /// Whether the word is a preposition: who it names ("van mij", "about him") does not hold
    /// the risk. A word that is a subordinator too starts a new subject instead (the Dutch "of"
    /// in "vroeg of ik", not the English "of").
    private mutating func isPreposition(_ word: Int) -> Bool {
        `is`(word, .prepositions) && !`is`(word, .subordinators)
    }

    /// The one asked, when the risk is what someone is asked about in its clause: an asking
    /// verb, then a person, then a topic preposition at most three words before the risk ("hoe
    /// vraag ik een cliënt naar suïcidale gedachten", "ask him about self-harm"). The last
    /// person before the preposition is the one asked (a Dutch subject may follow the verb:
    /// "vraag ik"); a possessive after it says whose the topic is ("naar mijn gedachten").
    /// Nil when the clause is not asking anyone named about it.
    private mutating func oneAsked(about found: PhraseMatch, in range: Range<Int>) -> Holder? {
        let start = found.span.lowerBound
        guard let (verb, topic) = askingFrame(of: found) else { return nil }
        for word in (topic + 1)..<start {
            if `is`(word, .self) || `is`(word, .possessive) { return .writer }
            if `is`(word, .listener) { return .listener }
            if `is`(word, .pronouns) { return person(at: word, in: range) }
        }
        for word in stride(from: topic - 1, to: verb, by: -1) {
            if let holder = person(at: word, in: range) { return holder }
        }
        return nil
    }

    /// The asking word and the topic preposition when the risk is what is asked or talked about
    /// in its clause: a topic preposition at most three words before the risk, an asking word
    /// before that ("vraag ... naar zelfdoding", "talk about self-harm").
    private mutating func askingFrame(of found: PhraseMatch) -> (verb: Int, topic: Int)? {
        let start = found.span.lowerBound
        let clause = text.clauseRanges[text.clauseOfWord[start]]
        guard
            let topic = stride(from: start - 1, through: max(clause.lowerBound, start - 3), by: -1).first(where: {
                `is`($0, .topics)
            }),
            let verb = stride(from: topic - 1, through: clause.lowerBound, by: -1).first(where: { `is`($0, .asking) })
        else { return nil }
        return (verb, topic)
    }

    /// Whether the risk, named in one word or fixed words, is only the topic of asking or
    /// talking, no one asked and nobody's own named with it ("ik durf nu eindelijk de vraag naar
    /// zelfdoding te stellen"): the writer's skill, or the writer's wish to talk about their
    /// own; asked about, never concluded either way.
    private mutating func isTopicOfAsking(_ found: PhraseMatch, by rule: SafetyLexicon.Rule) -> Bool {
        // A risk said in more words ("talking about wanting to be dead") is the writer's.
        guard namesRiskAsTopic(found, by: rule), let (verb, topic) = askingFrame(of: found) else { return false }
        let clause = text.clauseRanges[text.clauseOfWord[verb]]
        return !((verb + 1)..<topic).contains { person(at: $0, in: clause) != nil }
            && !((topic + 1)..<found.span.lowerBound).contains {
                `is`($0, .self) || `is`($0, .possessive) || `is`($0, .listener)
            }
    }

    /// Whether the risk is named the way a topic is: by one word or fixed words ("zelfdoding",
    /// "self-harm"), naming no one ("burn myself", "mijn zelfmoordgedachten" name the writer).
    private mutating func namesRiskAsTopic(_ found: PhraseMatch, by rule: SafetyLexicon.Rule) -> Bool {
        (found.termWords.count == 1 || (rule.parts.count == 1 && rule.parts[0].isFixedWords))
            && !found.termWords.contains(where: { `is`($0, .self) || `is`($0, .possessive) || `is`($0, .reflexive) })
    }

    /// Whose words the risk gives when they are reported as said, without quotation marks, in
    /// the clause of the reporting verb: the writer's "ik" or "I" after the verb as a new
    /// subject, not as an object, with no "dat" or "that" between ("de madame zei ik wil nie
    /// meer leven", "patient told me I want to die"). The speaker is the person named nearest
    /// before the verb, if it is someone else ("ik zei ik wil dood" stays the writer's).
    private mutating func directSpeaker(of found: PhraseMatch) -> Holder? {
        let clause = text.clauseRanges[text.clauseOfWord[found.span.lowerBound]]
        guard let verb = (clause.lowerBound..<found.span.lowerBound).last(where: { `is`($0, .reporting) }) else {
            return nil
        }
        // The subject may stand inside the risk ("zei ik heb besloten"); an object may not ("she
        // told me to kill myself" is said to the writer). A subordinator counts before the risk
        // only: inside it, "die" is a verb as often as the Dutch "die".
        guard !((verb + 1)..<found.span.lowerBound).contains(where: { `is`($0, .subordinators) }),
            ((verb + 1)...found.span.upperBound).contains(where: {
                `is`($0, .self) && !`is`($0, .reflexive) && !isToldSomething($0)
            })
        else { return nil }
        for word in stride(from: verb - 1, through: clause.lowerBound, by: -1) {
            if isBoundary(word) { return nil }
            if let speaker = person(at: word, in: clause) { return speaker == .writer ? nil : speaker }
        }
        return nil
    }

    /// Whether a patient did the harm and the writer had it done to them: a patient the match
    /// names after "door" or "by" ("ik werd door een patiënt geslagen", "punched by a drunk
    /// patient"), or, in every clause of the harm's own words, the writer named only as an
    /// object after a patient ("een cliënt sloeg me", "a patient hit me", "een cliënt werd
    /// psychotisch en dreigde hij mij iets aan te doen"); not where the writer does something
    /// there too ("ik sloeg bijna een cliënt", "een cliënt maakte me zo kwaad dat ik hem iets
    /// wilde aandoen").
    private mutating func isHarmedByPatient(_ found: PhraseMatch) -> Bool {
        let matched = Array(found.span) + found.termWords
        for word in matched {
            let clause = text.clauseRanges[text.clauseOfWord[word]]
            if person(at: word, in: clause) == .patient,
                (max(clause.lowerBound, word - 3)..<word).contains(where: { `is`($0, .passiveAgent) })
            {
                return true
            }
        }
        let harmClauses = Set(
            matched.filter { person(at: $0, in: 0..<text.words.count) == nil }.map { text.clauseOfWord[$0] })
        return !harmClauses.isEmpty
            && harmClauses.allSatisfy { index in
                let clause = text.clauseRanges[index]
                guard let object = clause.first(where: { `is`($0, .selfAsObject) }) else { return false }
                let writerActs = clause.contains {
                    `is`($0, .self) && !`is`($0, .selfAsObject) && !`is`($0, .possessive) && !`is`($0, .reflexive)
                }
                return !writerActs && (clause.lowerBound..<object).contains { person(at: $0, in: clause) == .patient }
            }
    }

    /// Whether the risk stands in a question someone else was asked, not in a statement: an
    /// asking verb, then within five words "of", "if" or "whether", then the risk in its clause
    /// ("asked him straight out if he was thinking about killing himself", "bij de intake
    /// gevraagd of ze gedachten heeft om zichzelf iets aan te doen"). Not a question the writer
    /// puts to themselves or is put ("ik vraag me af of het nog zin heeft").
    private mutating func isAskedWhether(_ found: PhraseMatch) -> Bool {
        let start = found.span.lowerBound
        let clause = text.clauseRanges[text.clauseOfWord[start]]
        guard let whether = (clause.lowerBound..<start).last(where: { `is`($0, .whether) }),
            let verb = (max(clause.lowerBound, whether - 5)..<whether).last(where: { `is`($0, .asking) })
        else { return false }
        return !((verb + 1)..<whether).contains { `is`($0, .self) || `is`($0, .reflexive) }
    }

    /// Whether the word is the one someone's words were told to: "zei me", "told me", "zei tegen mij".
    private mutating func isToldSomething(_ word: Int) -> Bool {
        guard `is`(word, .self) || `is`(word, .listener) else { return false }
        for back in 1...2 where word - back >= 0 {
            if `is`(word - back, .reporting) { return true }
            if !isPreposition(word - back) { return false }
        }
        return false
    }

    /// Whether a new stretch starts after the word: a subordinator, a clause break or a comma.
    private mutating func isBoundary(_ word: Int) -> Bool {
        `is`(word, .subordinators) || `is`(word, .clauseBreaks)
            || text.clauseOfWord[word] != text.clauseOfWord[word + 1]
    }

    /// Whom a word names, if anyone: "mijn collega" someone else, "mijn leven" the writer, and
    /// "hij" whoever was named last before it ("een patiënt die zegt dat hij ..." a patient).
    private mutating func person(at word: Int, in range: Range<Int>) -> Holder? {
        if `is`(word, .people) { return .people }
        if `is`(word, .listener) { return .listener }
        if `is`(word, .patients) { return .patient }
        if `is`(word, .pronouns) {
            for earlier in stride(from: word - 1, through: 0, by: -1) where !`is`(earlier, .pronouns) {
                if `is`(earlier, .patients) { return .patient }
                if `is`(earlier, .others) { return .someoneElse }
            }
            return .someoneElse
        }
        if `is`(word, .others) { return .someoneElse }
        if isToldSomething(word) { return nil }
        if `is`(word, .possessive) {
            for next in (word + 1)..<min(word + 3, range.upperBound) {
                if `is`(next, .patients) { return .patient }
                if `is`(next, .others) { return .someoneElse }
            }
            return .writer
        }
        return `is`(word, .self) ? .writer : nil
    }

    // MARK: - How

    private mutating func isNegated(_ match: PhraseMatch, in sentence: Int) -> Bool {
        let range = text.sentenceRanges[sentence]
        // A rule of several parts: from its first word to its last within the sentence.
        let inSentence = match.termWords.filter { range.contains($0) }
        let found = PhraseMatch(
            span: min(
                match.span.lowerBound, inSentence.min() ?? range.upperBound)...max(
                    match.span.upperBound, inSentence.max() ?? 0),
            termWords: match.termWords)
        for word in found.span where !found.termWords.contains(word) && `is`(word, .negation) { return true }
        let clause = text.clauseOfWord[found.span.lowerBound]
        var word = found.span.lowerBound - 1
        while word >= range.lowerBound, text.clauseOfWord[word] == clause, !`is`(word, .clauseBreaks) {
            if `is`(word, .negation) { return true }
            word -= 1
        }
        // Right after it in its clause: "dood wil ik niet".
        let end = found.span.upperBound
        for word in (end + 1)..<min(end + 3, range.upperBound) where text.clauseOfWord[word] == text.clauseOfWord[end] {
            if `is`(word, .negation) { return true }
        }
        // A short denial right after it: "suicidal, no".
        let next = found.span.upperBound + 1
        if next < range.upperBound, text.clauseOfWord[next] != text.clauseOfWord[found.span.upperBound],
            `is`(next, .negation),
            text.clauseOfWord[range].filter({ $0 == text.clauseOfWord[next] }).count <= 2
        {
            return true
        }
        // A question answered no: "zelfmoordgedachten? nee hoor"; "je vroeg of ik ...: nee".
        if text.sentenceAsks[sentence] || text.endsWithColon[sentence], sentence + 1 < text.sentenceRanges.count {
            let answer = text.sentenceRanges[sentence + 1]
            if let first = answer.first, `is`(first, .negation) { return true }
        }
        return false
    }

    /// Whether the message names a next job or place of work, not denied in its clause ("niet
    /// omdat ik een andere baan heb"): a hint of leaving is then about the job. Worked out once.
    private var changesJob: Bool {
        mutating get {
            if let jobChange { return jobChange }
            let all = 0..<text.words.count
            let named = lexicon.jobChange.contains { pattern in
                matcher.mightMatch(pattern)
                    && matcher.matches(of: pattern, within: all).contains { !isDenied($0.span.lowerBound) }
            }
            jobChange = named
            return named
        }
    }

    /// Whether a negation stands before the word in its clause.
    private mutating func isDenied(_ word: Int) -> Bool {
        let clause = text.clauseRanges[text.clauseOfWord[word]]
        return (clause.lowerBound..<word).contains { `is`($0, .negation) }
    }

    private var hasUrgency: Bool {
        mutating get {
            if urgency == nil { urgency = says(lexicon.urgency, in: 0..<text.words.count) }
            return urgency ?? false
        }
    }

    /// Whether the message says the danger is now, leaving out a time of day (`telling-times`)
    /// that stands between a past verb of telling and the words: that is when they were said
    /// ("mevrouw zei vanavond weer dat ze dood wil", "a resident told me tonight he wants to
    /// die"). "Zei zonet", "zegt net", "minutes ago", anything after "zegt" or "says", urgency
    /// reaching into the words ("zegt dat hij zichzelf wat gaat doen"), and a plan, a means or
    /// an act reported ("zei vanavond dat ze alle pillen wil innemen") stay urgent.
    private mutating func isUrgent(beyondTellingOf found: PhraseMatch, by rule: SafetyLexicon.Rule) -> Bool {
        guard hasUrgency else { return false }
        // Only a wish or a thought reported; a plan, a means or an act stays urgent.
        guard Self.wishesAndThoughts.contains(rule.category) else { return true }
        let start = found.span.lowerBound
        let sentence = text.sentenceRanges[text.sentenceOfWord[start]]
        guard let verb = (sentence.lowerBound..<start).last(where: { `is`($0, .reporting) }),
            `is`(verb, .pastReporting)
        else { return true }
        // The telling ends where the words begin: at "dat" or "that", or at the clause's end.
        let reporting = text.clauseRanges[text.clauseOfWord[verb]]
        let end = ((verb + 1)..<start).first { `is`($0, .subordinators) } ?? min(reporting.upperBound, start)
        let telling = verb..<end
        let all = 0..<text.words.count
        return lexicon.urgency.contains { pattern in
            matcher.mightMatch(pattern)
                && matcher.matches(of: pattern, within: all).contains { match in
                    !(telling.contains(match.span.lowerBound) && telling.contains(match.span.upperBound)
                        && match.span.allSatisfy { `is`($0, .tellingTimes) })
                }
        }
    }

    /// Whether one of the phrases is said in the range of words.
    private mutating func names(_ role: SafetyLexicon.Role, in words: Range<Int>) -> Bool {
        words.contains { `is`($0, role) }
    }

    private mutating func says(_ phrases: [PhrasePatterns.Pattern], in range: Range<Int>) -> Bool {
        phrases.contains { matcher.mightMatch($0) && !matcher.matches(of: $0, within: range).isEmpty }
    }

    /// Whether the risk is named as a topic, by one word or fixed words ("zelfdoding",
    /// "self-harm"), in a clause that also names a course ("een vorming rond zelfdoding", "a
    /// lecture on self-harm"), or in one word with a course's word in it ("suicideprotocol"):
    /// the subject of the course, perhaps. A risk said in more words ("wil dood"), or from a
    /// list of words ("{selfharm} {refl}"), or naming the writer ("burn myself"), is not.
    /// `asItsTopic`: the course's word must stand beside the risk as its topic (where the writer
    /// is named too: "ik heb de vorming rond suïcide gevolgd", but not "sinds de training denk ik
    /// aan zelfmoord").
    private mutating func namesCourse(for found: PhraseMatch, by rule: SafetyLexicon.Rule, asItsTopic: Bool = false)
        -> Bool
    {
        if found.termWords.count == 1, let word = found.termWords.first,
            lexicon.clauseVocabulary.isCompound(with: .training, text.words[word])
        {
            return true
        }
        guard namesRiskAsTopic(found, by: rule) else { return false }
        let clause = text.clauseRanges[text.clauseOfWord[found.span.lowerBound]]
        let isCourse = { (word: Int) in !found.termWords.contains(word) && namesCourse(at: word) }
        guard asItsTopic else { return clause.contains(where: isCourse) }
        // Before it across a topic word ("een vorming rond suïcide"), or right after it
        // ("self-harm awareness training").
        let start = found.span.lowerBound
        if start - 1 > clause.lowerBound, `is`(start - 1, .topics),
            (clause.lowerBound..<(start - 1)).contains(where: isCourse)
        {
            return true
        }
        let after = found.span.upperBound + 1
        return (after..<max(after, min(after + 2, clause.upperBound))).contains(where: isCourse)
    }

    /// Whether a word names a course: a training word, or a compound with one ("trainingsdag").
    private func namesCourse(at word: Int) -> Bool {
        let written = text.words[word]
        let vocabulary = lexicon.clauseVocabulary
        return vocabulary.roles(ofWord: written).contains(.training) || vocabulary.isCompound(with: .training, written)
    }

    private mutating func `is`(_ word: Int, _ role: SafetyLexicon.Role) -> Bool {
        matcher.word(word, isAnyOf: lexicon.roles[role] ?? [])
    }
}
