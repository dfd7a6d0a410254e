import Foundation
import Testing
import YarnScript
import YarnTestPlan

/// gids's own cases for the Yarn Spinner 3 language (`Cases/`): enums, smart variables, node
/// groups, shadow lines, `tracking: never`, format and the conversions, options that fall
/// through. Each must-fail case names, in its first lines, the errors it must give.
@Suite struct LanguageCaseTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Cases")

    @Test(
        "every plan of the language cases passes, also with the state saved and restored at every step",
        arguments: [false, true])
    func plansPass(roundTrip: Bool) {
        let outcomes = ConformanceSuite(directory: Self.directory.path, roundTripsState: roundTrip).run()
        for outcome in outcomes where !outcome.passed {
            Issue.record("\(outcome.name): \(outcome.failure ?? "")")
        }
        #expect(outcomes.filter { !$0.name.hasPrefix("parse-failures/") }.count == 6)
    }

    @Test("every must-fail case gives exactly the errors it names, at file:line:col")
    func mustFailCasesGiveTheirErrors() throws {
        let folder = Self.directory.appendingPathComponent("parse-failures")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yarn") }
        #expect(files.count >= 25)
        let compiler = Compiler(functions: TestPlanRunner.testFunctions.signatures, infersFunctions: true)
        for file in files.sorted() {
            let path = folder.appendingPathComponent(file).path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let expected = text.split(separator: "\n").prefix { $0.hasPrefix("// expect: ") }.map {
                path + ":" + $0.dropFirst("// expect: ".count).replacingOccurrences(of: "LOCATION", with: path)
            }
            #expect(!expected.isEmpty, "\(file) names the errors it expects")
            let errors = compiler.compile(paths: [path]).diagnostics.filter { $0.severity == .error }.map {
                $0.description.replacingOccurrences(of: ": error: ", with: ": ")
            }
            #expect(errors == expected, "\(file)")
        }
    }
}
