import DialogueRuntime
import Foundation
import Testing

/// What a stored conversation keeps for the Yarn Spinner 3 features, and that states stored
/// before them still load.
@Suite struct StateFormatTests {
    static let script = """
        title: Start
        ---
        <<declare $naam = "Zoë">>
        <<declare $n = 1.5>>
        <<set $naam = "Zoë Ça">>
        <<once>>
        Een keer
        <<endonce>>
        => A
        => B
        <<detour Keuze>>
        ===
        title: Keuze
        ---
        -> Ja <<once>>
        -> Nee
        ===

        """

    @Test("a state in the binary form of gids before node groups (format 2, checked in) loads and goes on the same")
    func storedStateLoads() throws {
        let hex = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures/dialogue-state-v2.hex"), encoding: .utf8
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        let bytes = stride(from: 0, to: hex.utf8.count - 1, by: 2).map {
            UInt8(hex.dropFirst($0).prefix(2), radix: 16) ?? 0
        }
        var live = try Harness(Self.script)
        _ = live.start()
        _ = live.choose(1)
        _ = live.start()
        let stored = try DialogueState(binary: bytes)
        #expect(stored == live.state)
        #expect(stored.views == ["line:Start.1": 1, "line:Start.2": 1])
        var resumed = Harness(machine: live.machine, state: stored)
        #expect(resumed.choose(2) == live.choose(2))
    }

    @Test("a node group's views, once flags and random pick are kept in the stored state")
    func nodeGroupStateRoundTrips() throws {
        let script = """
            title: Start
            ---
            <<detour Groet>>
            Klaar.
            ===
            title: Groet
            when: always
            ---
            Hoi.
            -> Verder
            ===
            title: Groet
            when: always
            ---
            Hallo.
            -> Verder
            ===
            title: Groet
            when: once
            subtitle: Eerste
            ---
            Welkom.
            -> Verder
            ===

            """
        var picks: Set<String> = []
        for seed in UInt64(0)..<12 {
            var dialogue = try Harness(script, seed: seed, saliency: .randomBestLeastRecentlySeen)
            var seen: [String] = []
            for _ in 0..<3 {
                let shown = dialogue.start()
                seen.append(shown[0])
                let stored = try DialogueState(binary: dialogue.state.binaryEncoded())
                #expect(stored == dialogue.state)
                dialogue = Harness(machine: dialogue.machine, state: stored)
                #expect(dialogue.choose(1) == ["Klaar.", "END"])
            }
            #expect(seen.first == "Welkom.", "the once member is the most specific")
            #expect(Set(seen) == ["Welkom.", "Hoi.", "Hallo."], "every member is seen before any again")
            #expect(dialogue.state.onceFlags.contains("Groet.Eerste"))
            #expect(dialogue.state.views["Groet.Eerste"] == 1)
            picks.insert(seen[1])
        }
        #expect(picks == ["Hoi.", "Hallo."], "the seed decides between members tied at the front")
    }
}
