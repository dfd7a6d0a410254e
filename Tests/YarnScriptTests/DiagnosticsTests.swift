import DialogueRuntime
import Testing
import YarnScript

/// Errors and warnings carry file, line, column and a plain message, and suggest the fix.
@Suite struct DiagnosticsTests {
    @Test("a jump to a misspelt node suggests the right one")
    func misspeltNode() {
        let script = "title: Start\n---\nHoi\n        <<jump Afsluitng>>\n===\ntitle: Afsluiting\n---\nDoei\n===\n"
        let compilation = Compiler().compile([SourceFile(path: "Dialogues/nl/checkin.yarn", text: script)])
        #expect(
            compilation.errors == [
                "Dialogues/nl/checkin.yarn:4:16: error: jump to unknown node 'Afsluitng' (did you mean 'Afsluiting'?)"
            ])
        #expect(compilation.program == nil)
    }

    @Test("a control character in a line (a NUL byte, an escape) is an error where it stands; a tab is not")
    func controlCharacters() {
        #expect(
            compile("title: Start\n---\nHoi\u{0}daar\n\tMet een tab\n===\n").errors == [
                "test.yarn:3:4: error: this line holds a control character (U+0000); remove it"
            ])
        #expect(
            compile("title: Start\n---\nKleur \u{1B}[31mrood\n===\n").errors == [
                "test.yarn:3:7: error: this line holds a control character (U+001B); remove it"
            ])
    }

    @Test("a detour to an unknown node is an error")
    func unknownDetour() {
        #expect(
            compile("title: Start\n---\n<<detour Elders>>\n===\n").errors == [
                "test.yarn:3:10: error: detour to unknown node 'Elders'"
            ])
    }

    @Test("duplicate node titles across files are errors that name the first")
    func duplicateNodes() {
        let a = SourceFile(path: "a.yarn", text: "title: Start\n---\nA\n===\n")
        let b = SourceFile(path: "b.yarn", text: "\ntitle: Start\n---\nB\n===\n")
        #expect(
            Compiler().compile([a, b]).errors == [
                "b.yarn:2:8: error: there is already a node named 'Start' (at a.yarn:1)"
            ])
    }

    @Test("duplicate line ids are errors")
    func duplicateLineIDs() {
        #expect(
            compile("title: Start\n---\nA #line:een\nB #line:een\n===\n").errors == [
                "test.yarn:4:1: error: the line id 'line:een' is already used at test.yarn:3"
            ])
    }

    @Test("type errors name the operator and the types")
    func typeErrors() {
        #expect(
            compile("title: Start\n---\n<<declare $n = 1>>\n{$n + \"x\"}\n===\n").errors == [
                "test.yarn:4:5: error: '+' adds two Numbers or joins two Strings; it cannot be used with Number and String"
            ])
        #expect(
            compile("title: Start\n---\n<<if 1>>\nA\n<<endif>>\n===\n").errors == [
                "test.yarn:3:6: error: an <<if>> condition must be a Bool, but this is a Number"
            ])
        #expect(
            compile("title: Start\n---\n<<declare $a = true>>\n<<set $a = 1>>\n===\n").errors == [
                "test.yarn:4:12: error: the value assigned to $a must be a Bool, but this is a Number"
            ])
        #expect(
            compile("title: Start\n---\n<<declare $a = \"x\" as number>>\n===\n").errors == [
                "test.yarn:3:16: error: $a is declared as a Number, but its value \"x\" is a String"
            ])
    }

    @Test("conflicting uses of an undeclared variable are an error")
    func conflictingInference() {
        let errors = compile("title: Start\n---\n<<set $x = true>>\n<<set $x = 2>>\n===\n").errors
        #expect(
            errors == [
                "test.yarn:4:12: error: $x is used as a Number here, but as a Bool at line 3; a variable keeps one type (declare it with <<declare>> to say which)"
            ])
    }

    @Test("an undeclared variable gets its type from its use, with a warning")
    func inference() throws {
        let compilation = compile("title: Start\n---\n<<if $klaar>>\nA\n<<endif>>\n===\n")
        #expect(compilation.errors.isEmpty)
        #expect(
            compilation.warnings.contains(
                "test.yarn:3:6: warning: $klaar is not declared; it is taken to be a Bool starting at false (declare it: <<declare $klaar = false>>)"
            ))
        #expect(compilation.program?.initialValues["$klaar"] == .bool(false))
    }

    @Test("a variable whose type cannot be told is an error")
    func uninferable() {
        #expect(
            compile("title: Start\n---\n{$wie}\n===\n").errors == [
                "test.yarn:3:2: error: $wie is not declared and its type cannot be told from its use; declare it, like <<declare $wie = 0>>"
            ])
    }

    @Test("unknown functions and wrong arguments are errors")
    func functions() {
        #expect(
            compile("title: Start\n---\n{vistied(\"Start\")}\n===\n").errors == [
                "test.yarn:3:2: error: unknown function 'vistied' (did you mean 'visited'?)"
            ])
        #expect(
            compile("title: Start\n---\n{round(1, 2)}\n===\n").errors == [
                "test.yarn:3:2: error: 'round' takes 1 argument, but 2 were given"
            ])
        #expect(
            compile("title: Start\n---\n{visited(1)}\n===\n").errors == [
                "test.yarn:3:10: error: argument 1 of 'visited' must be a String, but this is a Number"
            ])
    }

    @Test("host functions are type-checked with their registered signatures")
    func hostFunctions() {
        var library = FunctionLibrary()
        library.register("regio", parameters: [], returns: .string) { _ in .string("nl") }
        #expect(
            compile("title: Start\n---\n<<if regio() == \"be\">>\nA\n<<endif>>\n===\n", functions: library.signatures)
                .errors.isEmpty)
        #expect(
            compile("title: Start\n---\n<<if regio()>>\nA\n<<endif>>\n===\n", functions: library.signatures).errors
                .count == 1)
    }

    @Test("a question indented under one line-group item is a warning: it would vanish whenever another item is picked")
    func lineGroupBodyTrap() {
        let trap = compile(
            "title: Start\n---\n=> Hoi.\n=> Hallo.\n    Hoe voel je je?\n-> Goed\n    Fijn.\n-> Slecht\n    Jammer.\n===\n"
        )
        #expect(
            trap.warnings == [
                "test.yarn:5:5: warning: this is indented under the line-group item 'Hallo.', so it is shown only when that item is picked; de-indent it to show it every time"
            ])
        // Every item with a body of its own is the feature, not a trap.
        #expect(
            compile("title: Start\n---\n=> Hoi.\n    Fijn je te zien.\n=> Hallo.\n    Goed je te zien.\n===\n").warnings
                .isEmpty)
    }

    @Test("a <<set>> at the level of the options around it is a warning: it splits one choice into two questions")
    func splitOptionsTrap() {
        let trap = compile(
            "title: Start\n---\n<<declare $x = 0>>\nHoe gaat het?\n-> Goed\n    Fijn.\n<<set $x to 1>>\n-> Slecht\n    Jammer.\nKlaar {$x}.\n===\n"
        )
        #expect(
            trap.warnings == [
                "test.yarn:7:1: warning: this stands at the level of the options around it, which splits them into two questions ('Goed' and 'Slecht' are not offered together); indent it under the option it belongs to"
            ])
        // Indented under its option, or after a line that asks again, it is what was meant.
        #expect(
            compile(
                "title: Start\n---\n<<declare $x = 0>>\n-> Goed\n    <<set $x to 1>>\n-> Slecht\nKlaar {$x}.\n===\n"
            ).warnings.isEmpty)
        #expect(
            compile(
                "title: Start\n---\n<<declare $x = 0>>\n-> Goed\n<<set $x to 1>>\nEn nu?\n-> Slecht\nKlaar {$x}.\n===\n"
            ).warnings.isEmpty)
    }

    @Test("warnings: unreachable nodes, unused variables, options that lead nowhere")
    func warnings() {
        let script = """
            title: Start
            ---
            <<declare $ongebruikt = 0>>
            Kies maar.
            -> Verder
                <<jump Verder>>
            -> Klaar
            ===
            title: Verder
            ---
            Verder.
            ===
            title: Vergeten
            ---
            Niemand komt hier.
            ===
            """
        let warnings = compile(script).warnings
        #expect(warnings.contains("test.yarn:3:1: warning: $ongebruikt is declared but never used"))
        #expect(
            warnings.contains(
                "test.yarn:7:4: warning: the option 'Klaar' leads nowhere: the dialogue ends as soon as it is chosen"))
        #expect(
            warnings.contains(
                "test.yarn:13:8: warning: node 'Vergeten' is never reached: no jump or detour leads to it from 'Start' (add 'tags: entry' if the host starts it)"
            ))
        #expect(warnings.count == 3)
    }
}

@Suite struct DeclarationRuleTests {
    @Test("with declarations required, an undeclared variable is an error that suggests the declared one")
    func strictDeclarations() {
        let script = "title: Start\n---\n<<declare $stemming = \"\">>\n<<set $steming = \"moe\">>\n{$stemming}\n===\n"
        let compilation = Compiler(requiresDeclarations: true).compile([SourceFile(path: "test.yarn", text: script)])
        #expect(
            compilation.errors == [
                "test.yarn:4:7: error: $steming is not declared (did you mean '$stemming'?); declare it, like <<declare $steming = \"\">>"
            ])
    }
}
