import DialogueRuntime
import Foundation
import YarnScript

/// Runs a folder of Yarn Spinner conformance cases: every `X.yarn` with an `X.testplan`
/// must compile and behave as planned; every file in `parse-failures/` (upstream's
/// `ParseFailures/`) must fail to compile with an error that has a file, line and column.
///
/// The cases are compiled as Yarn Spinner compiles them: variables and functions may be used
/// without being declared, and their types are told from their use.
public struct ConformanceSuite: Sendable {
    /// The outcome of one case.
    public struct Outcome: Sendable {
        public var name: String
        /// Nil when the case passed.
        public var failure: String?
        /// For a parse failure: the errors the compiler gave, as it prints them.
        public var errors: [String] = []
        public var passed: Bool { failure == nil }
    }

    public var directory: String
    public var roundTripsState: Bool

    public init(directory: String, roundTripsState: Bool = false) {
        self.directory = directory
        self.roundTripsState = roundTripsState
    }

    /// Runs every case, in name order.
    public func run() -> [Outcome] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var outcomes: [Outcome] = []
        let compiler = Compiler(functions: TestPlanRunner.testFunctions.signatures, infersFunctions: true)
        for plan in files.filter({ $0.hasSuffix(".testplan") }).sorted() {
            let name = String(plan.dropLast(".testplan".count))
            outcomes.append(Outcome(name: name, failure: runPlan(name, compiler: compiler)))
        }
        let failuresDirectory = (directory as NSString).appendingPathComponent(
            files.contains("ParseFailures") ? "ParseFailures" : "parse-failures")
        let failureFiles = ((try? FileManager.default.contentsOfDirectory(atPath: failuresDirectory)) ?? []).filter {
            $0.hasSuffix(".yarn")
        }
        for file in failureFiles.sorted() {
            let path = (failuresDirectory as NSString).appendingPathComponent(file)
            let diagnostics = compiler.compile(paths: [path]).diagnostics.filter { $0.severity == .error }
            let positioned = diagnostics.contains {
                $0.location.file == path && $0.location.line >= 1 && $0.location.column >= 1
            }
            outcomes.append(
                Outcome(
                    name: "parse-failures/" + String(file.dropLast(5)),
                    failure: positioned
                        ? nil : diagnostics.isEmpty ? "compiled without errors" : "no error had a file:line:column",
                    errors: diagnostics.map(\.description)))
        }
        return outcomes
    }

    private func runPlan(_ name: String, compiler: Compiler) -> String? {
        let yarn = (directory as NSString).appendingPathComponent(name + ".yarn")
        let planPath = (directory as NSString).appendingPathComponent(name + ".testplan")
        let compilation = compiler.compile(paths: [yarn])
        guard let program = compilation.program else {
            return "did not compile:\n"
                + compilation.diagnostics.filter { $0.severity == .error }.map { "  \($0)" }.joined(separator: "\n")
        }
        do {
            let plan = try TestPlan(String(contentsOfFile: planPath, encoding: .utf8))
            try TestPlanRunner(program: program, roundTripsState: roundTripsState).run(plan)
            return nil
        } catch {
            return "\(error)"
        }
    }
}
