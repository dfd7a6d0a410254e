import DialogueRuntime
import Foundation
import Testing

@testable import Guide

/// Whatever content is loaded, the crisis answer carries 112 and the region's crisis line: the
/// lines compiled into gids complete what the content failed to show.
@Suite struct LastResortCrisisLinesTests {
    /// The shipped content with every `crisis: true` entry taken out of the directories, as a
    /// directory cut short on disk would give it if no check stopped it.
    static func contentWithoutCrisisLines() throws -> GuideContent {
        let shipped = try shippedContent()
        return GuideContent(
            programs: shipped.resolvers.mapValues(\.program), languages: shipped.languages,
            directories: shipped.directories.mapValues { directory in
                var cut = directory
                cut.entries.removeAll(where: \.isCrisisLine)
                return cut
            }, safetyNet: shipped.safetyNet, commands: shipped.commands, signals: shipped.signals,
            answers: shipped.answers,
            organisation: nil)
    }

    @Test(
        "a crisis answer from content without crisis lines still names 112 and the region's line, in the person's language",
        arguments: [(Language.nl, Region?.some(.nl), "113"), (.en, .some(.be), "1813"), (.nl, nil, "1813")])
    func completedFromTheProgram(language: Language, region: Region?, line: String) throws {
        var conversation = Conversation(
            content: try Self.contentWithoutCrisisLines(), language: language, region: region, seed: 1)
        _ = conversation.start()
        let reply = conversation.respond(to: language == .nl ? "ik wil dood" : "I want to die")
        let text = PlainText.lines(for: reply).joined(separator: "\n")
        #expect(reply.safety == .crisis)
        #expect(text.contains("112") && text.contains(line), "\(text)")
        #expect(text.contains(language == .nl ? "bij direct gevaar" : "in immediate danger"))
        if region == nil { #expect(text.contains("113"), "with no region known yet, every region's line") }
    }

    @Test("content that shows its crisis lines is left as it is: the compiled-in lines are not added twice")
    func shippedContentUnchanged() throws {
        var conversation = Conversation(content: try shippedContent(), language: .nl, region: .nl, seed: 1)
        _ = conversation.start()
        let text = PlainText.lines(for: conversation.respond(to: "ik wil dood")).joined(separator: "\n")
        #expect(text.components(separatedBy: "113 Zelfmoordpreventie").count == 2)
        #expect(!text.contains("bij direct gevaar. Bel 112 (dag en nacht)."))
    }
}

@Suite struct CrisisLineCheckTests {
    @Test("a dialogue whose crisis answer lost <<crisis_lines>> is refused, naming the language and the node")
    func crisisNodeWithoutLines() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gids-crisis-node-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Dialogues"), to: folder)
        let system = folder.appendingPathComponent("en/systeem.yarn")
        let text = try String(contentsOf: system, encoding: .utf8)
        try text.replacingOccurrences(of: "You can reach someone right now:\n<<crisis_lines>>\n", with: "")
            .write(to: system, atomically: true, encoding: .utf8)
        let (content, diagnostics) = GuideContent.check(folder.path)
        #expect(content == nil)
        #expect(
            diagnostics.map(\.message).contains(
                "the en node 'Crisis' does not show the crisis lines; it needs <<crisis_lines>>"))
    }
}
