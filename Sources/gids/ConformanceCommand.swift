import ArgumentParser
import Foundation
import YarnTestPlan

/// `gids conformance DIR`: run Yarn Spinner test plans against this implementation.
struct ConformanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conformance",
        abstract: "Run Yarn Spinner conformance cases (X.yarn + X.testplan, and parse-failures/).",
        discussion: """
            Ends with the line 'N passed, M failed'; exits 1 if any case failed, and 66 when the \
            folder is not there or holds no cases.
            """
    )

    @Argument(help: "The folder with the cases.")
    var directory: String

    @Flag(help: "Save and restore the conversation state around every step.")
    var roundTrip = false

    @Flag(help: "Also print the errors each parse failure gave.")
    var verbose = false

    func run() throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            printError("gids conformance: \(directory) is not a folder; give the folder with the test plans")
            throw ExitCode(66)
        }
        let outcomes = ConformanceSuite(directory: directory, roundTripsState: roundTrip).run()
        guard !outcomes.isEmpty else {
            printError(
                "gids conformance: \(directory) holds no cases (X.yarn with X.testplan, or a parse-failures/ or ParseFailures/ folder)"
            )
            throw ExitCode(66)
        }
        for outcome in outcomes {
            if let failure = outcome.failure {
                print("FAIL \(outcome.name): \(failure)")
            } else {
                print("PASS \(outcome.name)")
            }
            if verbose {
                for error in outcome.errors { print("  \(error)") }
            }
        }
        let failed = outcomes.filter { !$0.passed }.count
        print("\(outcomes.count - failed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode(1) }
    }
}
