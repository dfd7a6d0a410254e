import Foundation
import Guide

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

private let shippedContentResult = Result { () throws(DiagnosticList) -> GuideContent in
    try GuideContent.load(from: repositoryRoot.appendingPathComponent("Dialogues").path)
}

/// The real content in `Dialogues/`, loaded once; a test that needs it fails with the
/// content's diagnostics when it does not load.
func shippedContent() throws -> GuideContent {
    try shippedContentResult.get()
}

/// The non-comment, non-empty lines of a fixture file.
func fixtureLines(_ name: String) throws -> [String] {
    let text = try String(
        contentsOf: repositoryRoot.appendingPathComponent("Tests/GuideTests/Fixtures/\(name)"), encoding: .utf8)
    return text.split(separator: "\n").map(String.init).filter {
        !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty
    }
}

private let shippedPracticeResult = Result { () throws -> PracticeContent in
    try PracticeContent.load(
        from: repositoryRoot.appendingPathComponent("Dialogues").path, net: try shippedContent().safetyNet)
}

/// Practice's lexicons and reader of moves in `Dialogues/practice/`, loaded once.
func shippedPractice() throws -> PracticeContent {
    try shippedPracticeResult.get()
}
