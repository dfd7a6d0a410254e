import DialogueRuntime
import Guide
import Terminal
import Testing

@Suite struct TerminalStyleTests {
    let reply = Reply(
        messages: [
            MarkupParser(locale: "nl").parse(
                "Dit is een [b]belangrijke[/b] zin die niet op één regel van twintig tekens past.")
        ],
        options: [MarkupParser(locale: "nl").parse("Een korte check-in: drie vragen over je dag")],
        expects: .choice)

    @Test("text wraps at word boundaries to the terminal width, options with a hanging indent")
    func wrapping() {
        let lines = TerminalStyle(width: 24, usesColour: false).render(reply)
        #expect(
            lines == [
                "Dit is een belangrijke",
                "zin die niet op één",
                "regel van twintig tekens",
                "past.",
                "  1. Een korte check-in:",
                "     drie vragen over je",
                "     dag",
            ])
        #expect(lines.allSatisfy { $0.count <= 24 })
    }

    @Test("with colour, the guide's voice is coloured and markup is bold; without, nothing but text")
    func colour() {
        let coloured = TerminalStyle(width: 200, usesColour: true).render(reply)
        #expect(coloured[0].hasPrefix("\u{1B}[36mDit is een \u{1B}[1mbelangrijke\u{1B}[0m\u{1B}[36m zin"))
        #expect(coloured[0].hasSuffix("\u{1B}[0m"))
        #expect(!TerminalStyle.plain.render(reply).joined().contains("\u{1B}"))
    }

    @Test("NO_COLOR or output that is not a terminal means no colour")
    func noColour() {
        #expect(!TerminalStyle.current(environment: ["NO_COLOR": "1"]).usesColour)
    }

    @Test("a word longer than the width stays whole on its own line")
    func longWord() {
        let long = Reply(messages: [MarkedUpText(text: "kort \(String(repeating: "x", count: 30)) kort")])
        #expect(
            TerminalStyle(width: 20, usesColour: false).render(long) == [
                "kort", String(repeating: "x", count: 30), "kort",
            ])
    }
}
