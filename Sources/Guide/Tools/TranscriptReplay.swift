import Foundation

/// Replays a transcript's inputs through a fresh conversation and compares what the guide
/// says now with what it said when the transcript was recorded.
public enum TranscriptReplay {
    /// Where transcripts say memory is kept (they keep it in memory).
    public static let memoryLocation = "~/.local/share/gids/gids.sqlite"

    /// Records a conversation: the guide's replies to each input in turn, each day's session
    /// opened by `opening` (a chat or a practice session, as `header.door` says). Memory
    /// carries over from one session to the next as the person allowed.
    static func record(
        _ inputs: [Transcript.Entry], content: GuideContent, header: Transcript,
        opening: (ConversationSettings) -> any DialogueSession
    ) -> Transcript {
        var transcript = header
        transcript.entries = []
        var remembered: FollowUp?
        func begin(on day: DayDate) -> any DialogueSession {
            let settings = ConversationSettings(
                language: header.language, region: header.region, seed: header.seed, today: day,
                schedule: header.schedule ?? content.organisation?.schedule ?? .olvg, followUp: remembered,
                memoryLocation: header.door == .practice ? nil : memoryLocation, canWriteFiles: header.door == .chat)
            return opening(settings)
        }
        // The files the turn wrote, shown after its reply.
        var written: [Transcript.Entry] = []
        // Carries out an effect as a terminal does, keeping memory in memory and files in the transcript.
        func perform(_ effect: Effect) -> EffectOutcome {
            switch effect {
            case .remember(let followUp): remembered = followUp
            case .forget, .forgetConversation: remembered = nil
            case .debrief: break
            case .writeSummary(let path, let text):
                written.append(.guide("[\(path)]"))
                written += text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
                    .guide("| " + $0)
                }
            }
            return .done
        }
        func show(_ reply: Reply) {
            transcript.entries += PlainText.lines(for: reply).map(Transcript.Entry.guide)
            for effect in reply.effects { _ = perform(effect) }
            transcript.entries += written
            written = []
        }
        var conversation = begin(on: header.today ?? .today())
        show(conversation.finishing(conversation.start(), performing: perform))
        var finished = false
        for input in inputs {
            transcript.entries.append(input)
            let reply: Reply
            switch input {
            case .session(let day):
                conversation = begin(on: day)
                finished = false
                reply = conversation.start()
            case .input(let text) where !finished: reply = conversation.respond(to: text)
            case .endOfInput where !finished: reply = conversation.endOfInput()
            case .interrupted:
                finished = true
                continue
            default: continue
            }
            let turn = conversation.finishing(reply, performing: perform)
            show(turn)
            finished = turn.isFinished
        }
        return transcript
    }

    /// The differences between an expected and an actual text as a unified-style diff
    /// (`-` expected, `+` actual, with two lines of context); empty when they are equal.
    public static func diff(expected: String, actual: String, label: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let difference = new.difference(from: old)
        guard !difference.isEmpty else { return "" }
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var output = ["--- \(label) (expected)", "+++ \(label) (now)"]
        var i = 0
        var j = 0
        var pendingContext: [String] = []
        var lastChange = -10
        var step = 0
        while i < old.count || j < new.count {
            if i < old.count, removed.contains(i) {
                output += pendingContext.suffix(2).map { " " + $0 }
                pendingContext = []
                output.append("-" + old[i])
                i += 1
                lastChange = step
            } else if j < new.count, inserted.contains(j) {
                output += pendingContext.suffix(2).map { " " + $0 }
                pendingContext = []
                output.append("+" + new[j])
                j += 1
                lastChange = step
            } else {
                if step - lastChange <= 2 {
                    output.append(" " + (i < old.count ? old[i] : ""))
                } else {
                    if step - lastChange == 3 { output.append("@@") }
                    pendingContext.append(i < old.count ? old[i] : "")
                }
                i += 1
                j += 1
            }
            step += 1
        }
        if output.last == "@@" { output.removeLast() }
        return output.joined(separator: "\n")
    }
}
