import Foundation
import Testing

/// What gids keeps of what people type, checked in the files themselves: through every door
/// (chat, serve in both formats, reply), with the clock moved on as a day passes.
@Suite struct PrivacyTests {
    static let typed = "ruzie met Piet Xyzzyvan op de gang"
    static let names = ["matrix:@anna.devries:example.org", "signal:+31612345678", "slack:U0BERTJE", "irc:karel.plain"]
    /// A check-in with the person's own words for the first question, then "stop".
    static let ended = ["hoi", "1", typed, "moe", "ja", "stop"]
    /// The same, left after the first question: an idle conversation.
    static let idle = ["hoi", "1", typed]

    @Test(
        "the typed text and the session names are in no file gids wrote nor on stderr, and conversations go once ended or idle"
    )
    func nothingLeftBehind() throws {
        let folder = try temporaryFolder("privacy")
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data").path
        let options = ["--data-dir", data, "--lang", "nl", "--region", "nl"]
        let store = data + "/serve.sqlite"
        var errorOutput = ""

        let chat = try gids(
            ["chat"] + options + ["--now", "2026-03-12"], input: Self.ended.joined(separator: "\n") + "\n")
        #expect(chat.output.contains("Ik bewaar niets van dit gesprek."))
        errorOutput += chat.errorOutput

        // Serve, JSON: one conversation to its end, one left idle.
        var serve = try ServeProcess(options + ["--now", "2026-03-12"])
        var last = ""
        for (session, script) in [(Self.names[0], Self.ended), (Self.names[1], Self.idle)] {
            for (turn, text) in script.enumerated() {
                serve.send([#"{"session":"\#(session)","text":"\#(text)","id":\#(turn)}"#])
                last = serve.readLine() ?? ""
            }
        }
        #expect(object(of: last)["done"] as? Bool == false)
        try serve.closeInput()
        errorOutput += serve.waitForExit().errors
        // What a bridge says about keeping is what it does: never the terminal's "nothing".
        serve = try ServeProcess(options + ["--now", "2026-03-12"])
        serve.send([#"{"session":"greeting","text":"hoi"}"#])
        let greeting = serve.readLine() ?? ""
        #expect(greeting.contains("Wat je typt, bewaar ik versleuteld zolang dit gesprek loopt."))
        #expect(!greeting.contains("Ik bewaar niets"))
        serve.send([#"{"session":"greeting","text":"stop"}"#])
        #expect(!(serve.readLine() ?? "").contains("Ik bewaar niets"))
        try serve.closeInput()
        errorOutput += serve.waitForExit().errors

        // Serve, plain: a conversation to its end (no ids, so nothing is kept of it).
        serve = try ServeProcess(options + ["--now", "2026-03-12", "--format", "plain"])
        var goodbye: [String] = []
        for text in Self.ended {
            serve.send(["\(Self.names[2])\t\(text)"])
            goodbye = []
            while let line = serve.readLine() {
                goodbye.append(line)
                if line.contains("\texpect\t") || line.contains("\terror\t") { break }
            }
        }
        #expect(
            goodbye.contains {
                $0.hasSuffix(
                    "\tmessage\tWat je typte, wis ik binnen een kwartier. Het chatprogramma houdt zijn eigen kopie.")
            })
        try serve.closeInput()
        errorOutput += serve.waitForExit().errors

        // Reply, one process per message, left idle.
        for (turn, text) in Self.idle.enumerated() {
            let reply = try gids(
                ["reply"] + options + ["--now", "2026-03-12", "--session", Self.names[3], "--text", text])
            #expect(reply.status == 0)
            // Like serve, reply keeps the conversation for a while, and says so, never "nothing".
            if turn == 0 {
                #expect(reply.output.contains("Wat je typt, bewaar ik versleuteld zolang dit gesprek loopt."))
            }
            #expect(!reply.output.contains("Ik bewaar niets"))
            errorOutput += reply.errorOutput
        }

        #expect(try count("session where not ended", in: store) == 2, "the idle ones are kept while they may go on")
        #expect(
            try count("session where ended", in: store) == 1,
            "and the last reply of the one ended with ids, for a line sent again")
        let sealed = try sealedStates(store)
        let needles = [Self.typed, "Xyzzyvan"] + Self.names + ["anna.devries", "31612345678"]
        #expect(filesHolding(needles, in: folder).isEmpty)
        #expect(!needles.contains { errorOutput.contains($0) })

        // A day later (more than the 12 hours kept): everything typed is gone, sealed copies too.
        serve = try ServeProcess(options + ["--now", "2026-03-13"])
        serve.send([#"{"type":"stats"}"#])
        #expect(object(of: serve.readLine() ?? "")["sessions"] as? Int == 0)
        try serve.closeInput()
        #expect(serve.waitForExit().status == 0)
        #expect(try sealedStates(store).isEmpty)
        for state in sealed {
            #expect(
                filesHolding([state], in: folder).isEmpty, "no copy of a sealed state is left in the store or its WAL")
        }
        #expect(filesHolding(needles, in: folder).isEmpty)
    }

    private func object(of line: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
    }

    /// `select count(*) from TABLE...`, read with a second SQLite client.
    private func count(_ rows: String, in store: String) throws -> Int {
        Int(
            try python([
                "-c",
                "import sqlite3; print(sqlite3.connect('\(store)').execute('select count(*) from \(rows)').fetchone()[0])",
            ])
            .output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// The first 32 bytes of every stored (sealed) state and reply.
    private func sealedStates(_ store: String) throws -> Set<Data> {
        let code = """
            import sqlite3
            for row in sqlite3.connect('\(store)').execute('select state, last_reply from session'):
                for blob in row:
                    if blob: print(blob[:32].hex())
            """
        return Set(
            try python(["-c", code]).output.split(separator: "\n").map { hex in
                Data(stride(from: 0, to: hex.count, by: 2).compactMap { UInt8(hex.dropFirst($0).prefix(2), radix: 16) })
            })
    }

    private func filesHolding(_ needles: [String], in folder: URL) -> [String] {
        filesHolding(needles.map { Data($0.utf8) }, in: folder)
    }

    /// The files below `folder` (store, WAL, shared memory, key) that hold any of `needles`.
    private func filesHolding(_ needles: [Data], in folder: URL) -> [String] {
        let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        return files.filter { file in
            guard let bytes = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) else {
                return false
            }
            return needles.contains { !bytes.ranges(of: $0).isEmpty }
        }
    }
}
