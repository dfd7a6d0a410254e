import Foundation
import Guide
import Testing

@Suite struct TranscriptTests {
    static let files = TranscriptFiles.find(in: [repositoryRoot.appendingPathComponent("Transcripts").path])

    @Test("every transcript in Transcripts/ replays exactly", arguments: files)
    func replays(file: String) {
        let difference = TranscriptFiles.check(file, dialogues: repositoryRoot.appendingPathComponent("Dialogues").path)
        #expect(difference == nil, "\(difference ?? "")")
    }

    @Test("there are at least 20 transcripts, covering both languages, both regions, an organisation and Ctrl-D")
    func coverage() throws {
        #expect(Self.files.count >= 20)
        let transcripts = try Self.files.map {
            try Transcript(text: String(contentsOfFile: $0, encoding: .utf8), file: $0)
        }
        #expect(Set(transcripts.map(\.language)) == Set(Language.sources))
        #expect(Set(transcripts.compactMap(\.region)) == Set(Region.allCases))
        #expect(transcripts.contains { $0.region == nil })
        #expect(transcripts.contains { $0.organisationFile != nil })
        #expect(transcripts.contains { $0.entries.contains(.endOfInput) })
    }

    @Test("a changed line shows up as a diff naming the expected and the new text")
    func diffShowsChanges() {
        let diff = TranscriptReplay.diff(expected: "a\nb\nc\n", actual: "a\nB\nc\n", label: "x")
        #expect(diff == "--- x (expected)\n+++ x (now)\n a\n-b\n+B\n c\n ")
        #expect(TranscriptReplay.diff(expected: "same\n", actual: "same\n", label: "x").isEmpty)
    }

    @Test("a transcript reads back to the same text")
    func roundTrip() throws {
        let text = "# gids transcript\n# lang: en\n# region: be\n# seed: 7\nHello\n  1. Yes\n> 1\n>\n^D\n"
        #expect(try Transcript(text: text, file: "t").text == text)
        #expect(throws: Transcript.FormatError.self) { try Transcript(text: "Hello\n", file: "t") }
    }
}
