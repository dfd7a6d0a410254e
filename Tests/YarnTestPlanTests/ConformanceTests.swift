import DialogueRuntime
import Foundation
import TestSupport
import Testing
import YarnScript
import YarnTestPlan

@Suite struct ConformanceTests {
    /// The Yarn Spinner conformance cases in `../shared/yarn-testplans` (or `$GIDS_YARN_TESTPLANS`).
    private static let cases = SharedTestData.yarnTestPlans

    @Test(
        "every conformance plan and parse failure passes", .enabled(if: cases.isPresent, cases.skipReason),
        arguments: [false, true])
    func everyCasePasses(roundTrip: Bool) {
        let outcomes = ConformanceSuite(directory: Self.cases.folder.path, roundTripsState: roundTrip).run()
        let plans = outcomes.filter { !$0.name.hasPrefix("parse-failures/") }
        let failures = outcomes.filter { $0.name.hasPrefix("parse-failures/") }
        for outcome in outcomes where !outcome.passed {
            Issue.record("\(outcome.name): \(outcome.failure ?? "")")
        }
        #expect(plans.count >= 14)
        #expect(failures.count >= 9)
        let failed = outcomes.filter { !$0.passed }.count
        print(
            "conformance\(roundTrip ? " (state saved and restored at every step)" : ""): \(outcomes.count - failed) passed, \(failed) failed"
        )
    }

    @Test("a plan that expects the wrong text fails, naming the step")
    func wrongExpectationFails() throws {
        let program = try #require(
            Compiler().compile([SourceFile(path: "a.yarn", text: "title: Start\n---\nHello\n===\n")]).program)
        let plan = try TestPlan("line: `Goodbye`\nstop\n")
        #expect(throws: TestPlanRunner.Failure.self) { try TestPlanRunner(program: program).run(plan) }
    }

    @Test("a hash inside backticks is text, outside it starts a comment")
    func commentsInPlans() throws {
        let plan = try TestPlan("line: `a #b` #c\noption: `x` [disabled] # note\n#line: `ignored`\nselect: 1\nstop\n")
        #expect(plan.steps.map(\.step) == [.line("a #b"), .option("x", isAvailable: false), .select(1), .stop])
    }

    @Test("the runner's saliency and set steps reach the dialogue")
    func setAndSaliencySteps() throws {
        let script = """
            title: Start
            ---
            <<declare $n = 0>>
            => Zero <<if $n == 0>>
            => More <<if $n > 0>>
            ===
            """
        let program = try #require(Compiler().compile([SourceFile(path: "a.yarn", text: script)]).program)
        try TestPlanRunner(program: program, roundTripsState: true).run(
            TestPlan("saliency: first\nset: $n = 2\nline: `More`\nstop\n"))
    }
}
