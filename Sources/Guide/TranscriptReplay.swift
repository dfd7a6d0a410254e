import Foundation

/// Replays a transcript's inputs through a fresh conversation and compares what the guide
/// says now with what it said when the transcript was recorded.
public enum TranscriptReplay {
    /// Records a conversation: the guide's replies to each input in turn.
    public static func record(_ inputs: [Transcript.Entry], content: GuideContent, header: Transcript) -> Transcript {
        var transcript = header
        transcript.entries = []
        var conversation = Conversation(content: content, language: header.language, region: header.region, seed: header.seed)
        transcript.entries += PlainText.lines(for: conversation.start()).map(Transcript.Entry.guide)
        for input in inputs {
            transcript.entries.append(input)
            let reply: Reply
            switch input {
            case .input(let text): reply = conversation.respond(to: text)
            case .endOfInput: reply = conversation.endOfInput()
            case .guide: continue
            }
            transcript.entries += PlainText.lines(for: reply).map(Transcript.Entry.guide)
            if reply.isFinished { break }
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
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var output = ["--- \(label) (expected)", "+++ \(label) (now)"]
        var i = 0, j = 0
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
