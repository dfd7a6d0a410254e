import DialogueRuntime
import Testing

@Suite struct BuiltinFunctionTests {
    @Test(
        "built-in functions behave as the Yarn Spinner standard library defines them",
        arguments: [
            ("round(2.5)", "2"), ("round(3.5)", "4"), ("round_places(1.2345, 2)", "1.23"), ("floor(-1.5)", "-2"),
            ("ceil(1.2)", "2"), ("inc(1)", "2"), ("inc(1.5)", "2"), ("dec(1)", "0"), ("dec(1.5)", "1"),
            ("decimal(-1.25)", "-0.25"), ("int(-1.75)", "-1"), ("min(3, 4)", "3"), ("max(3, 4)", "4"),
            ("format_invariant(45.1)", "45.1"), ("1 / 3", "0.33333334"), ("12 % 5", "2"), ("-7 % 3", "-1"),
            ("visited(\"Start\")", "False"), ("visited_count(\"Elders\")", "0"), ("0.1 + 0.1 == 0.2", "True"),
            ("true xor true", "False"), ("\"a\" + \"b\"", "ab"), ("not (1 gte 2)", "True"),
        ])
    func builtins(expression: String, expected: String) throws {
        var dialogue = try Harness("title: Start\n---\n{\(expression)}\n===\n")
        #expect(dialogue.start() == [expected, "END"])
    }

    @Test("dice and random_range stay within their bounds")
    func bounds() throws {
        for seed in 0..<50 {
            var dialogue = try Harness("title: Start\n---\n{dice(6)} {random_range(3, 5)}\n===\n", seed: UInt64(seed))
            let parts = dialogue.start()[0].split(separator: " ").compactMap { Int($0) }
            #expect((1...6).contains(parts[0]))
            #expect((3...5).contains(parts[1]))
        }
    }
}
