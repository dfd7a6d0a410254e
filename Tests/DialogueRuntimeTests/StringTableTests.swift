import DialogueRuntime
import Testing
import YarnScript

@Suite struct StringTableTests {
    let script = "title: Start\n---\n<<declare $naam = \"Anna\">>\nHoi {$naam}, welkom. #line:welkom\nTot ziens. #line:doei\n===\n"

    @Test("a translation replaces the base text, placeholders may move, missing lines fall back")
    func translation() throws {
        let csv = "language,id,text,file,node,lineNumber,lock,comment\nen,line:welkom,\"Welcome, {0}!\",test.yarn,Start,4,,\n"
        let table = try StringTable(csv: csv)
        let program = try #require(Compiler().compile([SourceFile(path: "test.yarn", text: script)]).program)
        let resolver = LineResolver(program: program, locale: "en", translations: table)
        var state = DialogueState()
        let lines = VirtualMachine(program: program).advance(&state, with: .start(node: "Start")).compactMap { event -> String? in
            if case .line(let line) = event { return resolver.text(for: line).text }
            return nil
        }
        #expect(table.language == "en")
        #expect(lines == ["Welcome, Anna!", "Tot ziens."])
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
