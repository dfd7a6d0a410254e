import DialogueRuntime
import Foundation
import TextReading

@testable import Guide

/// Walks the guide's dialogue through a real ``Conversation``, from given starting points, and
/// meets every question it can reach: at each choice question it types "weet ik niet" (or "I
/// don't know") and tries every option; at each question that takes words it answers with a
/// non-answer first ("geen idee", "niks"), then with ordinary answers. Each question is
/// explored once, from the first way the walk reaches it.
///
/// What it records:
/// - ``problems``: a question where not knowing was not taken as the option marked `#unsure`
///   (or where not exactly one option is marked), and any message that says a non-answer back;
/// - ``choiceQuestions``: the choice questions reached, as node and position, to compare with
///   every question the compiled dialogue holds (``questions(in:)``).
struct QuestionWalk {
    /// A question: the node, and the position the dialogue waits at.
    struct Question: Hashable, CustomStringConvertible {
        var node: String
        var position: Int
        var description: String { "\(node)@\(position)" }
    }

    let content: GuideContent
    let language: Language
    /// What "weet ik niet" is typed as at choice questions.
    let unsure: String
    /// The non-answers typed at questions that take words; none may come back in a message.
    let nonAnswers: [String]
    private(set) var choiceQuestions: Set<Question> = []
    private(set) var textQuestions: Set<Question> = []
    private(set) var problems: [String] = []

    init(content: GuideContent, language: Language) {
        self.content = content
        self.language = language
        unsure = language == .nl ? "weet ik niet" : "I don't know"
        nonAnswers = language == .nl ? ["geen idee", "niks"] : ["no idea", "nothing really"]
    }

    /// Every choice question of the guide's own dialogue (practice's role-play left out), by the
    /// node and the position a conversation waits at while it is asked.
    static func questions(in program: Program) -> Set<Question> {
        var questions: Set<Question> = []
        for node in program.nodes.values where !node.file.contains("/practice/") {
            for instruction in node.instructions {
                if case .options(_, let otherwise) = instruction {
                    questions.insert(Question(node: node.name, position: otherwise))
                }
            }
        }
        return questions
    }

    /// Walks on from a conversation that has just shown `reply`; what the dialogue asks to keep
    /// or write ends as `saving` says.
    mutating func walk(from conversation: Conversation, after reply: Reply, saving: EffectOutcome) {
        let perform: (Effect) -> EffectOutcome = { _ in saving }
        var queue: [(conversation: Conversation, said: [String])] = [(conversation, [])]
        check(reply, said: [])
        while !queue.isEmpty {
            let (current, said) = queue.removeFirst()
            guard !current.state.isFinished, let frame = current.state.dialogue.current else { continue }
            let question = Question(node: frame.node, position: frame.position)
            let answers: [(text: String?, option: Int?)]
            if current.state.prompt.textVariable != nil {
                guard textQuestions.insert(question).inserted else { continue }
                answers = (nonAnswers + ordinaryAnswers(for: current.state.prompt.textVariable ?? "")).map { ($0, nil) }
            } else if current.state.prompt.expects == .choice {
                guard choiceQuestions.insert(question).inserted else { continue }
                checkUnsure(at: question, in: current, performing: perform)
                answers = current.state.prompt.options.indices.map { (nil, $0) }
            } else {
                continue
            }
            for answer in answers {
                var next = current
                let reply = next.finishing(
                    answer.text.map { next.respond(to: $0) } ?? next.choose(option: answer.option ?? 0),
                    performing: perform)
                let nowSaid = said + (answer.text.map { nonAnswers.contains($0) ? [$0] : [] } ?? [])
                check(reply, said: nowSaid)
                queue.append((next, nowSaid))
            }
        }
    }

    /// Typing "weet ik niet" must do exactly what choosing the option marked `#unsure` does.
    private mutating func checkUnsure(
        at question: Question, in conversation: Conversation, performing perform: (Effect) -> EffectOutcome
    ) {
        let marked = conversation.optionTags.indices.filter {
            conversation.optionTags[$0].contains(Conversation.unsureTag)
        }
        guard marked.count == 1, let option = marked.first else {
            problems.append("\(question): \(marked.count) options marked #unsure")
            return
        }
        var typed = conversation
        var chosen = conversation
        let typedLines = PlainText.lines(for: typed.finishing(typed.respond(to: unsure), performing: perform))
        let chosenLines = PlainText.lines(for: chosen.finishing(chosen.choose(option: option), performing: perform))
        if typedLines != chosenLines {
            problems.append("\(question): '\(unsure)' gave \(typedLines.prefix(2)), not the option marked #unsure")
        }
    }

    /// No message may say back a non-answer the person gave.
    private mutating func check(_ reply: Reply, said: [String]) {
        for message in reply.messages.map(\.text) {
            let folded = " " + TextNormalizer.folded(message) + " "
            for nonAnswer in said where folded.contains(" \(TextNormalizer.folded(nonAnswer)) ") {
                problems.append("said back '\(nonAnswer)': \(message)")
            }
        }
    }

    /// Answers that move a question on, besides the non-answers: for the date, one early, one
    /// past four weeks and one gids cannot read.
    private func ordinaryAnswers(for variable: String) -> [String] {
        switch (variable, language) {
        case ("$datum_tekst", .nl): ["3 dagen geleden", "5 weken geleden", "blauw"]
        case ("$datum_tekst", .en): ["3 days ago", "5 weeks ago", "blue"]
        case ("$bestand", _): ["summary.md"]
        case (_, .en): ["a long shift"]
        default: ["een lange dienst"]
        }
    }
}
