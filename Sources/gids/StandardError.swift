import Foundation

/// Writes a line to standard error (for operators; never for what a person typed).
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
