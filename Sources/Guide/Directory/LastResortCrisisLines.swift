import DialogueRuntime

/// The crisis lines compiled into gids, shown only when the content failed to show them.
///
/// `gids check`, start-up and every reload refuse content in which a region has no crisis
/// line or no 112, or a language's crisis answer does not show them. Content can still go
/// wrong in a way no check foresaw (a dialogue edited on a running server's disk between
/// checks, a node that loops), so whatever content is loaded, a reply that gives the crisis
/// answer or says it shows the crisis lines carries 112 and the region's crisis line: what
/// the content showed is completed with these.
///
/// bron: BRIEF §9 (113 Zelfmoordpreventie, Zelfmoordlijn 1813, 112; gecontroleerd november 2026)
public enum LastResortCrisisLines {
    /// One compiled-in line: the number that must appear, and what is shown when it does not.
    struct Line {
        let number: String
        let name: String
        let details: [Language: String]

        func text(in language: Language) -> MarkedUpText {
            let rest = ": " + (details[language] ?? details[.nl] ?? "")
            return MarkedUpText(
                text: "- " + name + rest, attributes: [MarkupAttribute(name: "b", position: 2, length: name.count)])
        }
    }

    /// 112, in every region.
    static let emergency = Line(
        number: "112", name: "112",
        details: [
            .nl: "bij direct gevaar. Bel 112 (dag en nacht).", .en: "in immediate danger. Call 112 (day and night).",
        ]
    )

    /// Each region's crisis line.
    static let regional: [Region: Line] = [
        .nl: Line(
            number: "113", name: "113 Zelfmoordpreventie",
            details: [
                .nl:
                    "praten over gedachten aan zelfdoding. Bel 113 of 0800-0113, of chat via 113.nl (dag en nacht, gratis, anoniem).",
                .en:
                    "talking about thoughts of suicide. Call 113 or 0800-0113, or chat at 113.nl (day and night, free, anonymous).",
            ]),
        .be: Line(
            number: "1813", name: "Zelfmoordlijn 1813",
            details: [
                .nl:
                    "praten over gedachten aan zelfdoding. Bel 1813, of chat via zelfmoord1813.be (bellen dag en nacht, gratis, anoniem).",
                .en:
                    "talking about thoughts of suicide. Call 1813, or chat at zelfmoord1813.be (phone day and night, free, anonymous).",
            ]),
    ]

    /// The numbers a crisis answer must show for a region: its crisis line and 112 (with no
    /// region known yet, every region's line).
    public static func requiredNumbers(for region: Region?) -> [String] {
        lines(for: region).map(\.number)
    }

    /// The compiled-in lines for the numbers that `messages` do not show, in `language`.
    public static func missing(from messages: [MarkedUpText], region: Region?, language: Language) -> [MarkedUpText] {
        let shown = messages.map(\.text).joined(separator: "\n")
        return lines(for: region).filter { !shown.contains($0.number) }.map { $0.text(in: language) }
    }

    /// Completes a reply that gives the crisis answer, or says it showed the crisis lines, with
    /// the compiled-in lines it lacks; other replies are left as they are.
    static func complete(_ reply: inout Reply, region: Region?, language: Language) {
        guard reply.safety == .crisis || reply.showedCrisisLines else { return }
        reply.messages += missing(from: reply.messages + reply.options, region: region, language: language)
    }

    private static func lines(for region: Region?) -> [Line] {
        let regions = region.map { [$0] } ?? Region.allCases
        return regions.compactMap { regional[$0] } + [emergency]
    }
}
