import Foundation

/// Runs a Python script (or `-c` code) with python3 and returns its exit status and output.
/// A module the tests need that is not installed is named with the command that installs
/// it, so the failure says what to do.
func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard text.contains("ModuleNotFoundError") else { return (process.terminationStatus, text) }
    return (
        process.terminationStatus,
        text + "\n(python3 lacks a module the tests need: run .ci/setup, which installs them; see README)\n"
    )
}
