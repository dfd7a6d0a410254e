import DialogueRuntime
import Foundation
import Testing

/// A state stored under one version of the content and resumed under another: it goes on
/// where its nodes are unchanged, and starts an edited node again from its beginning.
@Suite struct ContentUpdateTests {
    static let original = """
        title: Start
        ---
        Welkom.
        <<detour Vraag>>
        Terug in Start.
        ===
        title: Vraag
        ---
        Hoe gaat het?
        -> Goed
            Fijn.
        -> Slecht
            Jammer.
        ===
        title: Anders
        ---
        Iets anders.
        ===

        """

    /// The harness for `script`, continuing from `state`.
    private func resumed(_ script: String, from state: DialogueState) throws -> Harness {
        Harness(machine: try Harness(script).machine, state: state)
    }

    private func waitingInVraag() throws -> Harness {
        var dialogue = try Harness(Self.original)
        #expect(dialogue.start() == ["Welkom.", "Hoe gaat het?", "[1. Goed | 2. Slecht]"])
        return dialogue
    }

    @Test(
        "edits elsewhere, even a node added above in the same file, leave the position valid: the dialogue goes on exactly"
    )
    func unchangedNodeGoesOn() throws {
        let stored = try waitingInVraag().state
        let edited = Self.original.replacingOccurrences(
            of: "title: Vraag\n", with: "title: Nieuw\n---\nNieuw.\nRegel twee.\n===\ntitle: Vraag\n"
        )
        .replacingOccurrences(of: "Iets anders.", with: "Iets heel anders.")
        var dialogue = try resumed(edited, from: stored)
        #expect(dialogue.choose(2) == ["Jammer.", "Terug in Start.", "END"])
    }

    @Test("a line inserted before the options: the node starts again, the old choice is not applied")
    func insertedLine() throws {
        let stored = try waitingInVraag().state
        let edited = Self.original.replacingOccurrences(of: "Hoe gaat het?\n", with: "Even kijken.\nHoe gaat het?\n")
        var dialogue = try resumed(edited, from: stored)
        #expect(dialogue.choose(2) == ["RESTARTED Vraag", "Even kijken.", "Hoe gaat het?", "[1. Goed | 2. Slecht]"])
        // Back in step: the detour still returns to Start.
        #expect(dialogue.choose(1) == ["Fijn.", "Terug in Start.", "END"])
    }

    @Test("a reworded line, a removed option and an added option each count as an edit")
    func otherEdits() throws {
        for edited in [
            Self.original.replacingOccurrences(of: "Jammer.", with: "Wat jammer."),
            Self.original.replacingOccurrences(of: "-> Goed\n    Fijn.\n", with: ""),
            Self.original.replacingOccurrences(of: "-> Slecht\n", with: "-> Gaat wel\n-> Slecht\n"),
        ] {
            var dialogue = try resumed(edited, from: try waitingInVraag().state)
            #expect(dialogue.choose(1).first == "RESTARTED Vraag")
        }
    }

    @Test("an edited caller starts again from its beginning, dropping the detour it made")
    func editedCaller() throws {
        let stored = try waitingInVraag().state
        let edited = Self.original.replacingOccurrences(of: "Terug in Start.", with: "Weer in Start.")
        var dialogue = try resumed(edited, from: stored)
        #expect(dialogue.choose(1) == ["RESTARTED Start", "Welkom.", "Hoe gaat het?", "[1. Goed | 2. Slecht]"])
        #expect(dialogue.choose(1) == ["Fijn.", "Weer in Start.", "END"])
    }

    @Test("a node that is gone gives way to its caller; with no caller left the dialogue ends with an error")
    func removedNode() throws {
        let stored = try waitingInVraag().state
        let withoutVraag = Self.original.replacingOccurrences(of: "<<detour Vraag>>\n", with: "")
            .replacingOccurrences(
                of: "title: Vraag\n---\nHoe gaat het?\n-> Goed\n    Fijn.\n-> Slecht\n    Jammer.\n===\n", with: "")
        var dialogue = try resumed(withoutVraag, from: stored)
        #expect(dialogue.choose(1) == ["RESTARTED Start", "Welkom.", "Terug in Start.", "END"])

        var alone = try Harness("title: Start\n---\n-> Ja\n===\n")
        _ = alone.start()
        var gone = try resumed("title: Anders\n---\nHoi\n===\n", from: alone.state)
        #expect(gone.choose(1) == ["error: the node 'Start' this conversation stood in is no longer in the content"])
    }

    @Test(
        "a state stored before versions were kept (binary format 1) starts its node again rather than trust its position"
    )
    func stateWithoutVersions() throws {
        var stored = try waitingInVraag().state
        stored.current?.version = 0
        var dialogue = try resumed(Self.original, from: stored)
        #expect(dialogue.choose(1).first == "RESTARTED Vraag")
    }

    @Test("node versions survive the binary and JSON forms of the state")
    func versionsAreStored() throws {
        let state = try waitingInVraag().state
        #expect(state.current?.version != 0)
        #expect(try DialogueState(binary: state.binaryEncoded()) == state)
        #expect(try JSONDecoder().decode(DialogueState.self, from: JSONEncoder().encode(state)) == state)
    }
}
