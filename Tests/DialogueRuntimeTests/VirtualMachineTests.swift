import DialogueRuntime
import Foundation
import Testing

@Suite struct VirtualMachineTests {
    @Test("advance runs to the next option set, then continues after the chosen option's body")
    func optionsAndBodies() throws {
        var dialogue = try Harness("title: Start\n---\nHoi\n-> Ja\n    Fijn\n-> Nee <<if false>>\nKlaar\n===\n")
        #expect(dialogue.start() == ["Hoi", "[1. Ja | 2. Nee (unavailable)]"])
        #expect(dialogue.choose(1) == ["Fijn", "Klaar", "END"])
    }

    @Test("choosing an unavailable option is refused and the dialogue keeps waiting")
    func invalidChoice() throws {
        var dialogue = try Harness("title: Start\n---\n-> Ja\n-> Nee <<if false>>\n===\n")
        _ = dialogue.start()
        let before = dialogue.state
        #expect(dialogue.choose(2) == ["error: option 1 is not one of the available options"])
        #expect(dialogue.choose(9) == ["error: option 8 is not one of the available options"])
        #expect(dialogue.send(.select(nil)) == ["error: an option must be chosen"])
        #expect(dialogue.state == before)
        #expect(dialogue.choose(1) == ["END"])
    }

    @Test("choosing when nothing is offered is refused")
    func choiceWithoutOptions() throws {
        var dialogue = try Harness("title: Start\n---\nHoi\n===\n")
        #expect(dialogue.choose(1) == ["error: there are no options to choose from"])
        #expect(dialogue.start() == ["Hoi", "END"])
        #expect(dialogue.send(.start(node: "Nergens")) == ["error: there is no node named 'Nergens'"])
    }

    @Test("division by zero becomes an error event that ends the dialogue, not a crash")
    func divisionByZero() throws {
        var dialogue = try Harness("title: Start\n---\n<<declare $n = 0>>\nVoor\n{10 / $n}\nNa\n===\n")
        #expect(dialogue.start() == ["Voor", "error: division by zero (10 / 0)"])
        #expect(dialogue.state.phase == .ended)
        var modulo = try Harness("title: Start\n---\n<<declare $n = 0>>\n{10 % $n}\n===\n")
        #expect(modulo.start() == ["error: division by zero (10 % 0)"])
    }

    @Test("a host function the program expects but the host lacks becomes an error event")
    func missingHostFunction() throws {
        var library = FunctionLibrary()
        library.register("naam", parameters: [], returns: .string) { _ in .string("Anna") }
        let compilation = try Harness("title: Start\n---\nHoi {naam()}\n===\n", library: library)
        // The same program, run by a host that did not register `naam`.
        let bare = VirtualMachine(program: compilation.machine.program)
        var state = DialogueState()
        let events = bare.advance(&state, with: .start(node: "Start"))
        #expect(
            events.contains(
                .error(
                    RuntimeError(.dialogueFailed, "the function 'naam' is not available in this host", node: "Start"))))
        var withHost = compilation
        #expect(withHost.start() == ["Hoi Anna", "END"])
    }

    @Test("a host function that throws becomes an error event")
    func throwingHostFunction() throws {
        struct Broken: Error {}
        var library = FunctionLibrary()
        library.register("kapot", parameters: [], returns: .bool) { _ in throw Broken() }
        var dialogue = try Harness("title: Start\n---\n<<if kapot()>>\nA\n<<endif>>\n===\n", library: library)
        #expect(dialogue.start().first?.hasPrefix("error: ") == true)
    }

    @Test("a loop of jumps that never reaches a line is stopped with an error")
    func endlessLoop() throws {
        var dialogue = try Harness("title: Start\n---\n<<jump Start>>\n===\n")
        #expect(dialogue.start().first?.contains("without reaching a line or an option") == true)
    }

    @Test("commands reach the host with their expressions filled in, and <<stop>> ends the dialogue")
    func commandsAndStop() throws {
        var dialogue = try Harness(
            "title: Start\n---\n<<declare $n = 2>>\n<<wacht {$n * 1.5} seconden>>\n<<stop>>\nNiet gezien\n===\n")
        #expect(dialogue.start() == ["<<wacht 3 seconden>>", "END"])
    }

    @Test("detours return to the caller; a jump from a detour leaves both nodes")
    func detours() throws {
        let script = """
            title: Start
            ---
            A
            <<detour Hulp>>
            C {visited_count("Hulp")}
            ===
            title: Hulp
            ---
            B
            ===
            """
        var dialogue = try Harness(script)
        #expect(dialogue.start() == ["A", "B", "C 1", "END"])
        #expect(dialogue.state.visits == ["Start": 1, "Hulp": 1])
    }

    @Test("a saved state continues exactly like the live one, randomness included")
    func savedStateContinues() throws {
        let script = """
            title: Start
            ---
            <<declare $worp = 0>>
            <<set $worp = dice(6)>>
            => Variant een
            => Variant twee
            => Variant drie
            -> Nog eens {$worp}
                <<jump Start>>
            ===
            """
        var live = try Harness(script, seed: 42, saliency: .randomBestLeastRecentlySeen)
        var restored = live
        _ = live.start()
        _ = restored.start()
        for _ in 0..<20 {
            restored.state = try JSONDecoder().decode(DialogueState.self, from: JSONEncoder().encode(restored.state))
            #expect(live.choose(1) == restored.choose(1))
        }
        #expect(live.state == restored.state)
    }

    @Test("the same seed gives the same random choices; another seed may differ")
    func seededRandomness() throws {
        let script = "title: Start\n---\n{random_range(1, 1000)} {dice(20)} {random()}\n===\n"
        var a = try Harness(script, seed: 7)
        var b = try Harness(script, seed: 7)
        var c = try Harness(script, seed: 8)
        let first = a.start()
        #expect(first == b.start())
        #expect(first != c.start())
    }

    @Test("a typical conversation state is small")
    func stateSize() throws {
        var dialogue = try Harness(
            "title: Start\n---\n<<declare $stemming = \"moe\">>\n<<set $stemming = \"beter\">>\n=> A\n=> B\n-> Verder\n    <<jump Start>>\n===\n"
        )
        _ = dialogue.start()
        for _ in 0..<10 { _ = dialogue.choose(1) }
        let encoded = try JSONEncoder().encode(dialogue.state)
        #expect(encoded.count < 1024)
    }
}

@Suite struct BinaryStateTests {
    func busyState() throws -> DialogueState {
        var dialogue = try Harness(
            "title: Start\n---\n<<declare $naam = \"Zoë\">>\n<<declare $n = 1.5>>\n<<set $naam = \"Zoë Ça\">>\n<<once>>\nEen keer\n<<endonce>>\n=> A\n=> B\n<<detour Keuze>>\n===\ntitle: Keuze\n---\n-> Ja <<once>>\n-> Nee\n===\n"
        )
        _ = dialogue.start()
        return dialogue.state
    }

    @Test("the binary form reads back as the same state")
    func roundTrip() throws {
        let state = try busyState()
        #expect(state.callStack.count == 1)
        #expect(try DialogueState(binary: state.binaryEncoded()) == state)
        #expect(state.binaryEncoded() == state.binaryEncoded())
    }

    @Test("a string whose bytes are not UTF-8 is refused, not repaired into another string")
    func invalidUTF8() throws {
        let bytes = try busyState().binaryEncoded()
        let name = Array("Zoë".utf8)
        let start = try #require(bytes.indices.first { Array(bytes[$0...].prefix(name.count)) == name })
        var damaged = bytes
        damaged[start + 2] = 0xFF  // the first byte of "ë"
        #expect(throws: BinaryStateError.malformed) { try DialogueState(binary: damaged) }
    }

    @Test("truncated or damaged bytes are refused, never a crash")
    func damaged() throws {
        let bytes = try busyState().binaryEncoded()
        for length in 0..<bytes.count {
            #expect(throws: BinaryStateError.self) { try DialogueState(binary: Array(bytes.prefix(length))) }
        }
        #expect(throws: BinaryStateError.unknownVersion) { try DialogueState(binary: [99] + bytes.dropFirst()) }
        #expect(throws: BinaryStateError.self) { try DialogueState(binary: bytes + [0]) }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var noisy = bytes
            noisy[Int.random(in: 1..<noisy.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            _ = try? DialogueState(binary: noisy)
        }
    }
}

@Suite struct WaitingCommandTests {
    @Test("a waiting command suspends the dialogue until the host resumes it")
    func waitsForResume() throws {
        var dialogue = try Harness(
            "title: Start\n---\n<<declare $antwoord = \"\">>\nVraag\n<<vraag $antwoord>>\nJe zei: {$antwoord}\n===\n")
        var machine = dialogue.machine
        machine.waitingCommands = ["vraag"]
        dialogue = Harness(machine: machine, state: dialogue.state)
        #expect(dialogue.start() == ["Vraag", "<<vraag $antwoord>>"])
        #expect(dialogue.state.phase == .awaitingResume)
        #expect(dialogue.choose(1) == ["error: there are no options to choose from"])
        dialogue.state.variables["$antwoord"] = .string("moe")
        let saved = try DialogueState(binary: dialogue.state.binaryEncoded())
        dialogue.state = saved
        #expect(dialogue.send(.resume) == ["Je zei: moe", "END"])
        #expect(dialogue.send(.resume) == ["error: the dialogue is not waiting to be resumed"])
    }
}
