import Foundation
import YarnScript

/// Finding and checking transcript files (`*.transcript`).
public enum TranscriptFiles {
    /// The transcript files named by `paths`: files as given, folders searched recursively.
    public static func find(in paths: [String]) -> [String] {
        FileSearch.files(in: paths, withSuffix: ".transcript")
    }

    /// Replays one transcript; nil when the guide says exactly what was recorded, else the
    /// differences as a diff (or why it could not run).
    public static func check(_ file: String, dialogues: String) -> String? {
        do {
            let expected = try Transcript(text: try String(contentsOfFile: file, encoding: .utf8), file: file)
            let difference = TranscriptReplay.diff(
                expected: expected.text, actual: try replay(file, dialogues: dialogues).text, label: file)
            return difference.isEmpty ? nil : difference
        } catch {
            return "  \(error)"
        }
    }

    /// The transcript as the guide would record it now, from the same inputs and settings.
    /// The organisation file in its header is found relative to the transcript.
    public static func replay(_ file: String, dialogues: String) throws -> Transcript {
        let expected = try Transcript(text: try String(contentsOfFile: file, encoding: .utf8), file: file)
        let organisation = expected.organisationFile.map { path in
            path.hasPrefix("/")
                ? path
                : URL(fileURLWithPath: file).absoluteURL.deletingLastPathComponent().appendingPathComponent(path)
                    .standardized.path
        }
        let content = try GuideContent.load(from: dialogues, organisationFile: organisation)
        guard content.languages.offers(expected.language) else {
            throw Transcript.FormatError(file: file, line: 1, message: content.languages.refusal(of: expected.language))
        }
        let opening: (ConversationSettings) -> any DialogueSession
        switch expected.door {
        case .chat:
            opening = { Conversation(content: content, settings: $0) }
        case .practice:
            let practice = try PracticeContent.load(from: dialogues, net: content.safetyNet)
            opening = { PracticeSession(content: content, practice: practice, settings: $0) }
        }
        return TranscriptReplay.record(expected.inputs, content: content, header: expected, opening: opening)
    }
}
