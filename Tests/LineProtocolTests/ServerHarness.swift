import Foundation
import Guide
import LineProtocol
import SessionStore

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

private let contentResult = Result { () throws(DiagnosticList) -> GuideContent in
    try GuideContent.load(from: repositoryRoot.appendingPathComponent("Dialogues").path)
}

/// A server on an in-memory store with the shipped content, fixed on 12 March 2026 (noon)
/// unless told otherwise, reading and writing JSON lines unless told otherwise.
struct ServerHarness {
    let store: SessionDatabase
    let server: SessionServer
    let format: LineFormat

    init(path: String = ":memory:", day: String = "2026-03-12", format: LineFormat = .json) throws {
        let date = ISO8601DateFormatter().date(from: day + "T12:00:00Z")!
        try self.init(path: path, format: format, clock: { date })
    }

    init(path: String, format: LineFormat = .json, clock: @escaping @Sendable () -> Date) throws {
        store = try SessionDatabase(path: path)
        let content = try contentResult.get()
        self.format = format
        server = SessionServer(
            store: store, contents: ["": content, "voorbeeld": content],
            settings: .init(language: .nl, region: .nl, schedule: nil, keptHours: 12), format: format, clock: clock)
    }

    /// Sends lines (as text) and returns the output for each (as text: in the plain format,
    /// a response's lines joined by newlines).
    func send(_ lines: String...) -> [String] {
        send(lines)
    }

    func send(_ lines: [String]) -> [String] {
        server.handle(lines.map { .line(Array($0.utf8)) }).map(text)
    }

    /// A response as the output edge writes it, without its last newline.
    func text(of response: ProtocolResponse) -> String {
        String(decoding: format.encode([response]).dropLast(), as: UTF8.self)
    }

    /// The stored state of a session, to prove that it did not change.
    func storedState(of session: String) throws -> Data? {
        try store.transaction { try $0.session(session)?.state }
    }
}

/// Runs `body` with the path of a store file in a folder of its own, removed afterwards.
func withStoreFile(_ body: (String) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gids-serve-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try body(folder.appendingPathComponent("store.sqlite").path)
}

/// A JSON output line as a dictionary.
func object(_ line: String) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
}
