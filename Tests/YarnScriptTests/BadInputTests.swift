import DialogueRuntime
import Foundation
import Testing
import YarnScript

/// Broken or unusual dialogue files give a positioned diagnostic or compile correctly;
/// none crashes, hangs or overflows the stack.
@Suite struct BadInputTests {
    @Test("a UTF-8 byte-order mark is ignored")
    func byteOrderMark() throws {
        let source = try SourceFile.decode(Data("\u{FEFF}title: Start\n---\nHoi\n===\n".utf8), path: "bom.yarn")
        let compilation = Compiler().compile([source])
        #expect(compilation.errors.isEmpty)
        #expect(compilation.program?.nodes["Start"] != nil)
    }

    @Test("CRLF line endings compile like LF, with the same line numbers")
    func crlf() {
        let compilation = compile("title: Start\r\n---\r\nHoi\r\n<<jump Nergens>>\r\n===\r\n")
        #expect(compilation.errors == ["test.yarn:4:8: error: jump to unknown node 'Nergens'"])
    }

    @Test("tabs count as indentation for option bodies")
    func tabs() throws {
        let program = try #require(compile("title: Start\n---\n-> A\n\tIn A\n-> B\nAfter\n===\n").program)
        var state = DialogueState()
        let machine = VirtualMachine(program: program)
        _ = machine.advance(&state, with: .start(node: "Start"))
        let lines = machine.advance(&state, with: .select(0)).compactMap { event -> String? in
            if case .line(let line) = event { return program.lines[line.id]?.text }
            return nil
        }
        #expect(lines == ["In A", "After"])
    }

    @Test("a file that is not UTF-8 is reported at the first bad byte")
    func notUTF8() {
        var bytes = Array("title: Start\n---\nCaf".utf8)
        bytes.append(0xE9)
        bytes += Array("\n===\n".utf8)
        #expect(throws: Diagnostic.self) { try SourceFile.decode(Data(bytes), path: "latin1.yarn") }
        do {
            _ = try SourceFile.decode(Data(bytes), path: "latin1.yarn")
        } catch {
            #expect(
                error.description
                    == "latin1.yarn:3:4: error: this file is not valid UTF-8 (unexpected byte 0xE9); save it as UTF-8")
        }
    }

    @Test("an unterminated command is an error at the command")
    func unterminatedCommand() {
        #expect(
            compile("title: Start\n---\n  <<wait 2\n===\n").errors == [
                "test.yarn:3:3: error: this command is missing its closing '>>' (a command must fit on one line)"
            ])
        #expect(
            compile("title: Start\n---\n<<if true\nHoi\n<<endif>>\n===\n").errors.first
                == "test.yarn:3:10: error: missing '>>' before the end of the line")
    }

    @Test("an unterminated inline expression is an error")
    func unterminatedExpression() {
        #expect(
            compile("title: Start\n---\nHoi {$naam\n===\n").errors.first
                == "test.yarn:3:11: error: missing '}' before the end of the line")
    }

    @Test("a node without '===' is an error")
    func missingEnd() {
        #expect(
            compile("title: Start\n---\nHoi\n").errors == [
                "test.yarn:3:1: error: the node that starts at line 1 is missing its closing '==='"
            ])
    }

    @Test("a node without '---' is an error")
    func missingBody() {
        #expect(
            compile("title: Start\n").errors == [
                "test.yarn:1:1: error: this node has no body: add a line '---' after its headers, then the body, then '==='"
            ])
    }

    @Test("10,000 nested <<if>> blocks give a diagnostic instead of a stack overflow")
    func deeplyNestedBlocks() {
        let depth = 10_000
        let script =
            "title: Start\n---\n" + String(repeating: "<<if true>>\n", count: depth) + "Diep\n"
            + String(repeating: "<<endif>>\n", count: depth) + "===\n"
        // One error for the one real problem: not one more for each <<if>> around it.
        #expect(compile(script).errors == ["test.yarn:203:1: error: blocks are nested more than 200 levels deep here"])
    }

    @Test("an <<if>> whose condition has an error is one error: its <<endif>> still closes it")
    func badConditionOneError() {
        #expect(
            compile("title: Start\n---\n<<if 1 +>>\nHoi\n<<elseif >>\nDaar\n<<endif>>\n===\n").errors == [
                "test.yarn:3:9: error: expected a value here", "test.yarn:5:10: error: '<<elseif' needs an expression",
            ])
    }

    @Test("a chain of 20,000 '+' is one error at the operator past the limit, not a crash of the compiler")
    func longExpression() {
        let script =
            "title: Start\n---\n<<declare $x = 0>>\n<<set $x = "
            + Array(repeating: "1", count: 20_000).joined(separator: " + ") + ">>\n===\n"
        #expect(
            compile(script).errors == [
                "test.yarn:4:814: error: this expression has more than 200 operators; split it over several <<set>> lines"
            ])
        // The same chain in a line's inline expression, and of 'and' in a condition.
        #expect(
            compile("title: Start\n---\n{" + Array(repeating: "1", count: 20_000).joined(separator: "*") + "}\n===\n")
                .errors.count == 1)
        #expect(
            compile(
                "title: Start\n---\n<<if " + Array(repeating: "true", count: 20_000).joined(separator: " and ")
                    + ">>\n<<endif>>\n===\n"
            ).errors.count == 1)
    }

    @Test("100,000 nested parentheses give a diagnostic instead of a stack overflow")
    func deeplyNestedExpression() {
        let script =
            "title: Start\n---\n{" + String(repeating: "(", count: 100_000) + "1"
            + String(repeating: ")", count: 100_000) + "}\n===\n"
        #expect(compile(script).errors.first?.contains("nested more than") == true)
    }

    @Test("a 1 MB line compiles")
    func megabyteLine() throws {
        let text = String(repeating: "woord ", count: 180_000)
        let program = try #require(compile("title: Start\n---\n\(text)\n===\n").program)
        #expect(program.lines.values.first?.text.utf8.count ?? 0 > 1_000_000)
    }

    @Test("an empty file compiles to an empty program with a warning")
    func emptyFile() {
        let compilation = compile("")
        #expect(compilation.errors.isEmpty)
        #expect(compilation.warnings == ["test.yarn:1:1: warning: this file has no nodes"])
    }

    @Test("an unknown escape is an error at the backslash")
    func unknownEscape() {
        #expect(
            compile("title: Start\n---\nA \\q b\n===\n").errors == [
                "test.yarn:3:3: error: '\\q' is not an escape; write '\\\\' for a backslash"
            ])
    }

    @Test("text after a command on the same line is an error")
    func textAfterCommand() {
        #expect(
            compile("title: Start\n---\n<<set $a = 1>> en meer\n===\n").errors == [
                "test.yarn:3:16: error: unexpected text after '>>'; put each statement on its own line"
            ])
    }

    @Test("a stray <<endif>> is an error")
    func strayEndif() {
        #expect(
            compile("title: Start\n---\nHoi\n<<endif>>\n===\n").errors == [
                "test.yarn:4:1: error: <<endif>> has no matching opening statement"
            ])
    }
}
