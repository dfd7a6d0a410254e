import Foundation
import Testing

/// The Matrix bridge (Bridges/matrix): its own Python tests here, and the end-to-end run
/// against a real Synapse when this machine has one. CI runs the end-to-end test after the
/// install, with the installed gids and gids-matrix (`.ci/matrix-check`).
@Suite struct MatrixBridgeTests {
    private static let bridgeFolder = repositoryRoot.appendingPathComponent("Bridges/matrix")
    /// A Python with matrix-synapse, named by GIDS_SYNAPSE_PYTHON.
    private static let synapsePython = ProcessInfo.processInfo.environment["GIDS_SYNAPSE_PYTHON"] ?? ""
    /// Debian's Python, which runs the bridge with python3-matrix-nio.
    private static let bridgePython = "/usr/bin/python3"

    private static var hasSynapseAndNio: Bool {
        FileManager.default.isExecutableFile(atPath: synapsePython)
            && run(bridgePython, ["-c", "import nio, olm, yaml"], in: bridgeFolder).status == 0
    }

    @Test("the bridge's configuration, state, rendering and gids serve supervision pass their own tests")
    func unitTests() throws {
        let result = Self.run(
            "/usr/bin/env", ["python3", "-m", "unittest", "discover", "-s", "tests", "-p", "test_*.py"],
            in: Self.bridgeFolder, environment: ["GIDS": gidsBinary.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("OK") && !result.output.contains("skipped"), "\(result.output)")
    }

    @Test(
        "a real Synapse and real Matrix clients talk to gids through the bridge, every message answered once",
        .enabled(
            if: hasSynapseAndNio,
            "needs GIDS_SYNAPSE_PYTHON (a python with matrix-synapse) and python3-matrix-nio; CI runs it after the install"
        ),
        .timeLimit(.minutes(10)))
    func endToEnd() throws {
        let result = Self.run(
            Self.bridgePython,
            [
                "tests/end_to_end.py", "--gids-matrix", "gids-matrix", "--gids", gidsBinary.path, "--synapse-python",
                Self.synapsePython,
            ], in: Self.bridgeFolder)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains(" passed, 0 failed"), "\(result.output)")
    }

    /// Runs a program in a folder and returns its status and its output and errors together.
    private static func run(
        _ program: String, _ arguments: [String], in folder: URL, environment: [String: String] = [:]
    )
        -> (status: Int32, output: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        do { try process.run() } catch { return (-1, "\(program) did not start: \(error)") }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}
