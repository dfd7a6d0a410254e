import Foundation
import Testing

/// A conversation through a bridge in which a crisis came up ends with the crisis lines, also
/// after the person chose to continue where they were (BRIEF §9).
@Suite struct CrisisEndingTests {
    @Test(
        "through gids serve, the crisis answer, 'Verder waar we waren' and a finished check-in end with the crisis lines"
    )
    func endsWithCrisisLines() throws {
        let harness = try ServerHarness()
        let lines = [
            "hoi", "1", "ik wil dood", "1", "1", "Een drukke dienst", "1", "1", "3",
        ].map { #"{"session":"s","text":"\#($0)"}"# }
        let replies = lines.flatMap { harness.send($0) }
        #expect(replies[2].contains(#""safety":"crisis""#))
        #expect(replies[4].contains("Welke gebeurtenissen van vandaag zijn je bijgebleven?"), "back where they were")
        let last = try #require(replies.last)
        #expect(last.contains(#""done":true"#))
        #expect(last.contains("113 Zelfmoordpreventie"), "\(last)")
        #expect(last.contains("112"))
    }
}
