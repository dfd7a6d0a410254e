import DialogueRuntime
import Testing
import YarnScript

@Suite struct StringTableTests {
    let script =
        "title: Start\n---\n<<declare $naam = \"Anna\">>\nHoi {$naam}, welkom. #line:welkom\nTot ziens. #line:doei\n===\n"

    @Test("a translation replaces the base text, placeholders may move, missing lines fall back")
    func translation() throws {
        let csv =
            "language,id,text,file,node,lineNumber,lock,comment\nen,line:welkom,\"Welcome, {0}!\",test.yarn,Start,4,,\n"
        let table = try StringTable(csv: csv)
        let program = try #require(Compiler().compile([SourceFile(path: "test.yarn", text: script)]).program)
        let resolver = LineResolver(program: program, locale: "en", translations: table)
        var state = DialogueState()
        let lines = VirtualMachine(program: program).advance(&state, with: .start(node: "Start")).compactMap {
            event -> String? in
            if case .line(let line) = event { return resolver.text(for: line).text }
            return nil
        }
        #expect(table.language == "en")
        #expect(lines == ["Welcome, Anna!", "Tot ziens."])
    }

    @Test(
        "placeholders are filled in one pass: every occurrence, and a value that looks like a placeholder stays as it is"
    )
    func placeholders() throws {
        let script = """
            title: Start
            ---
            <<declare $a = "{1}">>
            <<declare $b = "twee">>
            {$a} en {$b}, nog eens {$a}.
            ===
            """
        var harness = try Harness(script)
        #expect(harness.send(.start(node: "Start")).first == "{1} en twee, nog eens {1}.")
        // Braces in a translation around anything but a known number stay as written, and
        // the text around them as it was, whatever its characters.
        let csv =
            "language,id,text,file,node,lineNumber,lock,comment\nen,line:welkom,\"é{0} {x} {5} {01} {0}{ü\",test.yarn,Start,4,,\n"
        let program = try #require(Compiler().compile([SourceFile(path: "test.yarn", text: self.script)]).program)
        let resolver = LineResolver(program: program, locale: "en", translations: try StringTable(csv: csv))
        var state = DialogueState()
        let events = VirtualMachine(program: program).advance(&state, with: .start(node: "Start"))
        let texts = events.compactMap { event -> String? in
            if case .line(let line) = event { return resolver.rawText(for: line) }
            return nil
        }
        #expect(texts.first == "éAnna {x} {5} {01} Anna{ü")
    }

    @Test("the exported strings file reads back with every line, and has a lock per text")
    func exportRoundTrip() throws {
        let program = try #require(Compiler().compile([SourceFile(path: "test.yarn", text: script)]).program)
        let csv = try StringTable.csv(for: program, language: "nl")
        #expect(csv.hasPrefix("language,id,text,file,node,lineNumber,lock,comment"))
        #expect(csv.contains("nl,line:welkom,\"Hoi {0}, welkom.\",test.yarn,Start,4,"))
        let table = try StringTable(csv: csv)
        #expect(table.texts == ["line:welkom": "Hoi {0}, welkom.", "line:doei": "Tot ziens."])
    }

    @Test("a strings file without id and text columns is refused with its row")
    func badHeader() {
        #expect(throws: StringTable.FormatError.self) { try StringTable(csv: "a,b\n1,2\n", file: "en.csv") }
    }
}
