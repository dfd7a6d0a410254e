import DialogueRuntime
import Testing

/// `format()` and the conversions of the Yarn Spinner 3 standard library, in the invariant culture.
@Suite struct FormatFunctionTests {
    @Test(
        "format fills its template with .NET's standard and custom number formats",
        arguments: [
            ("{0}", Value.number(2.5), "2.5"), ("{0:F2}", .number(2.5), "2.50"), ("{0:F0}", .number(2.5), "2"),
            ("{0:N0}", .number(1_234_567), "1,234,567"), ("{0:N1}", .number(-1234.56), "-1,234.6"),
            ("{0:P1}", .number(0.125), "12.5 %"), ("{0:E2}", .number(12345), "1.23E+004"),
            ("{0:0.00}", .number(3), "3.00"), ("{0:#,##0}", .number(1234), "1,234"), ("{0:0.##}", .number(2.5), "2.5"),
            ("{0:0%}", .number(0.42), "42%"), ("{0:00}", .number(7), "07"),
            ("[{0,4}|{0,-4}]", .string("ab"), "[  ab|ab  ]"),
            ("{{{0}}}", .bool(true), "{True}"), ("{0:F2}", .string("tekst"), "tekst"),
        ])
    func formats(template: String, value: Value, expected: String) throws {
        #expect(try CompositeFormat.format(template, value) == expected)
    }

    @Test(
        "a template format cannot use says why",
        arguments: [
            ("{1}", "'{1}' refers to argument 1, but format takes one value: {0}"),
            ("{0", "the item '{0' has no closing '}'"),
            ("}", "a '}' must be written '}}' in a template"),
            (
                "{0:Q}",
                "'Q' is not a format: use F, N, P, E or G (with a precision, like F2), or a pattern of 0, #, ',' and '.', like 0.00"
            ),
            ("{0:F100}", "'F100' is not a format: a precision after F is 0 to 99"),
        ])
    func badTemplates(template: String, problem: String) {
        do throws(CompositeFormat.Problem) {
            try CompositeFormat.validate(template)
            Issue.record("'\(template)' was taken as a template")
        } catch {
            #expect(error.description == problem)
        }
    }

    @Test("format, string, number and bool run in a dialogue; a bad conversion ends it with a plain error")
    func inDialogue() throws {
        var dialogue = try Harness(
            "title: Start\n---\n<<declare $t = \"12\">>\n{format(\"{0:F1} km\", number($t) / 5)} {string(1 > 2)} {bool(number($t))}\n===\n"
        )
        #expect(dialogue.start() == ["2.4 km False True", "END"])
        var broken = try Harness("title: Start\n---\n{number(\"twaalf\")}\n===\n")
        #expect(broken.start() == ["error: number(\"twaalf\"): this text is not a number"])
    }

    @Test("a host function may take any number of arguments of its variadic type")
    func variadicFunctions() throws {
        var library = FunctionLibrary()
        library.register("samen", parameters: [.string], variadic: .string, returns: .string) { arguments in
            .string(arguments.map(\.text).joined(separator: " en "))
        }
        var dialogue = try Harness(
            "title: Start\n---\n{samen(\"Anna\")}. {samen(\"Anna\", \"Bo\", \"Cas\")}.\n===\n", library: library)
        #expect(dialogue.start() == ["Anna. Anna en Bo en Cas.", "END"])
        #expect(throws: Harness.HarnessError.self) {
            try Harness("title: Start\n---\n{samen()}\n===\n", library: library)
        }
    }
}
