import Foundation
import Testing

/// A store in trouble, as an operator meets it: a full disk, damaged pages, a missing key,
/// something that is not a file, two first opens at once. The operator is told, nothing is
/// changed that gids did not create, and no person's turn is lost silently.
@Suite struct StoreFaultTests {
    static let options = ["--lang", "nl", "--region", "nl", "--now", "2026-03-12"]

    @Test(
        "a file size limit (ulimit -f) is told on stderr and counted in stats; after 5 failed commits in a row serve goes on giving crisis answers, exits 74, and the store goes on afterwards"
    )
    func fileSizeLimit() throws {
        let folder = try temporaryFolder("full")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("s.sqlite").path
        let typed = "x-typed-by-a-person-" + String(repeating: "x", count: 3000)
        var serve = try ServeProcess(Self.options + ["--store", store])
        serve.send([#"{"session":"early","text":"hoi"}"#])
        #expect(serve.readLine()?.contains("Ik ben gids") == true)
        try serve.closeInput()
        #expect(serve.waitForExit().status == 0)

        serve = try ServeProcess(Self.options + ["--store", store], fileSizeLimit: 300)
        var failed = 0
        var stats: [String: Any]?
        var number = 0
        while failed < 6, number < 1_000 {
            // One line at a time: each is a batch, committed on its own.
            serve.send([#"{"session":"s\#(number)","text":"\#(typed)"}"#])
            number += 1
            guard let line = serve.readLine(within: 60) else { break }
            if line.contains("storage_failed") {
                failed += 1
                if stats == nil {
                    // Read-only lines are still answered, and do not make the failures stop counting.
                    serve.send([#"{"type":"stats"}"#])
                    stats =
                        (try? JSONSerialization.jsonObject(with: Data((serve.readLine() ?? "").utf8))) as? [String: Any]
                        ?? [:]
                }
            }
        }
        #expect((stats?["storage_failures"] as? Int ?? 0) >= 1)
        #expect(failed == 6)
        #expect(serve.waitForError(containing: "5 commits in a row failed"))
        serve.send([#"{"session":"in-nood","text":"ik wil dood"}"#])
        let crisis = serve.readLine(within: 60) ?? ""
        #expect(crisis.contains(#""safety":"crisis""#) && crisis.contains("113") && crisis.contains("112"))
        try serve.closeInput()
        let exit = serve.waitForExit()
        #expect(exit.status == 74)
        #expect(exit.errors.contains("error gids.store: reason=disk I/O error"))
        #expect(exit.errors.contains("stopping with status 74: the store still cannot be written"))
        #expect(!exit.errors.contains("x-typed-by-a-person"), "nothing typed reaches the log")

        serve = try ServeProcess(Self.options + ["--store", store])
        serve.send([#"{"session":"early","text":"1"}"#])
        let next = serve.readLine() ?? ""
        #expect(next.contains("Welke gebeurtenissen") && !next.contains("error"), "what was committed before is there")
        try serve.closeInput()
        #expect(serve.waitForExit().status == 0)
    }

    @Test("a store with damaged pages is refused, its file not changed by a single byte")
    func damagedPages() throws {
        let folder = try temporaryFolder("damaged-pages")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("s.sqlite").path
        try fill(store)
        // Page headers of the b-tree pages overwritten (cell counts and pointers).
        let handle = try #require(FileHandle(forUpdatingAtPath: store))
        for page in 2..<6 {
            try handle.seek(toOffset: UInt64(page * 4096 + 3))
            try handle.write(contentsOf: Data(repeating: 0xFF, count: 6))
        }
        try handle.close()
        let before = try contents(store)
        let run = try gids(["serve", "--store", store], input: #"{"type":"ping"}"# + "\n")
        #expect(run.status == 1)
        #expect(run.errorOutput.contains("this gids database is damaged"))
        #expect(run.output.isEmpty)
        #expect(try contents(store) == before)
    }

    @Test("a store whose key file is missing is refused unchanged, and no new key is made for it")
    func missingKey() throws {
        let folder = try temporaryFolder("no-key")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("s.sqlite").path
        try fill(store)
        try FileManager.default.removeItem(atPath: store + ".key")
        let before = try contents(store)
        let run = try gids(["serve", "--store", store], input: #"{"type":"ping"}"# + "\n")
        #expect(run.status == 1)
        #expect(run.errorOutput.contains("the key file of this store is missing"))
        #expect(try contents(store) == before)
        #expect(!FileManager.default.fileExists(atPath: store + ".key"))
    }

    @Test("--key-file keeps the key in another folder, 0600, and the store needs it to go on")
    func keyElsewhere() throws {
        let folder = try temporaryFolder("key-apart")
        defer { try? FileManager.default.removeItem(at: folder) }
        let secrets = folder.appendingPathComponent("secrets")
        try FileManager.default.createDirectory(at: secrets, withIntermediateDirectories: true)
        let store = folder.appendingPathComponent("store/s.sqlite").path
        let key = secrets.appendingPathComponent("gids.key").path
        let first = try gids(
            ["serve", "--store", store, "--key-file", key] + Self.options,
            input: #"{"session":"a","text":"hoi"}"# + "\n")
        #expect(first.status == 0)
        #expect(!FileManager.default.fileExists(atPath: store + ".key"))
        #expect(try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? Int == 0o600)
        let again = try gids(
            ["serve", "--store", store, "--key-file", key] + Self.options, input: #"{"session":"a","text":"1"}"# + "\n")
        #expect(again.output.contains("Welke gebeurtenissen"))
        let without = try gids(
            ["serve", "--store", store] + Self.options, input: #"{"session":"a","text":"1"}"# + "\n")
        #expect(without.status == 1 && without.errorOutput.contains("key file of this store is missing"))
    }

    @Test("what is not a regular file is refused, and nothing is created beside it")
    func notAFile() throws {
        let journalExisted = FileManager.default.fileExists(atPath: "/dev/null-journal")
        let run = try gids(["serve", "--store", "/dev/null"], input: #"{"type":"ping"}"# + "\n")
        #expect(run.status == 1)
        #expect(run.errorOutput.contains("/dev/null: this is not a regular file"))
        if !journalExisted { #expect(!FileManager.default.fileExists(atPath: "/dev/null-journal")) }
    }

    @Test("two processes opening a new store at once both succeed, 10 times out of 10")
    func concurrentFirstOpens() throws {
        for round in 0..<10 {
            let folder = try temporaryFolder("first-open-\(round)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let store = folder.appendingPathComponent("s.sqlite").path
            let processes = try (0..<2).map { number in
                let process = Process()
                process.executableURL = gidsBinary
                process.arguments =
                    ["reply", "--store", store, "--session", "s\(number)", "--text", "hoi"] + Self.options
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                return process
            }
            for process in processes { process.waitUntilExit() }
            #expect(processes.map(\.terminationStatus) == [0, 0], "round \(round)")
        }
    }

    /// A store with 60 sessions, its WAL copied back, so that its pages are in the file.
    private func fill(_ store: String) throws {
        let lines = (0..<60).map { #"{"session":"s\#($0)","text":"hoi"}"# }.joined(separator: "\n") + "\n"
        #expect(try gids(["serve", "--store", store] + Self.options, input: lines).status == 0)
        let wal = try? FileManager.default.attributesOfItem(atPath: store + "-wal")[.size] as? Int
        #expect(wal == nil || wal == 0, "the WAL is copied back when serve ends")
    }

    private func contents(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    @Test(
        "a key file that is not the store's own is refused with a clear message, the store and the key left unchanged")
    func wrongKey() throws {
        let folder = try temporaryFolder("wrong-key")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("s.sqlite").path
        try fill(store)
        let other = Data((0..<32).map { _ in UInt8.random(in: 0...255) })
        try other.write(to: URL(fileURLWithPath: store + ".key"))
        let before = try contents(store)
        let run = try gids(["serve", "--store", store] + Self.options, input: #"{"type":"ping"}"# + "\n")
        #expect(run.status == 1)
        #expect(run.errorOutput.contains("\(store).key: this is not the key of the store \(store)"))
        #expect(run.output.isEmpty)
        #expect(try contents(store) == before)
        #expect(try contents(store + ".key") == other)
    }

    @Test(
        "a key file replaced while serve runs: serve goes on with its key, and gids reply with the new one is refused instead of splitting a session in two"
    )
    func keyReplacedWhileRunning() throws {
        let folder = try temporaryFolder("key-swap")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("s.sqlite").path
        let serve = try ServeProcess(Self.options + ["--store", store])
        serve.send([#"{"session":"anna","text":"hoi"}"#])
        #expect(serve.readLine(within: 30) != nil)
        try Data((0..<32).map { _ in UInt8.random(in: 0...255) }).write(to: URL(fileURLWithPath: store + ".key"))
        let reply = try gids(["reply", "--store", store, "--session", "anna", "--text", "1"] + Self.options)
        #expect(reply.status == 1)
        #expect(reply.errorOutput.contains("this is not the key of the store"))
        serve.send([#"{"session":"anna","text":"1"}"#])
        #expect(serve.readLine(within: 30)?.contains("Welke gebeurtenissen") == true)
        try serve.closeInput()
        #expect(serve.waitForExit().status == 0)
    }

    @Test(
        "a store written by gids 0.17.0 opens with its key: conversations go on, a line sent again gets its reply, and due names the consented follow-up"
    )
    func previousRelease() throws {
        let folder = try temporaryFolder("previous")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixture = repositoryRoot.appendingPathComponent("Tests/EndToEnd/fixtures/serve-store-0.17.0")
        let store = folder.appendingPathComponent("serve.sqlite").path
        for name in ["serve.sqlite", "serve.sqlite.key"] {
            try FileManager.default.copyItem(
                at: fixture.appendingPathComponent(name), to: folder.appendingPathComponent(name))
            chmod(folder.appendingPathComponent(name).path, 0o600)
        }
        let kept = try String(contentsOf: fixture.appendingPathComponent("anna-a-2.reply"), encoding: .utf8)
        let run = try gids(
            ["serve", "--store", store] + Self.options,
            input: [
                #"{"session":"anna","text":"1","id":"a-2"}"#, #"{"session":"anna","text":"Een drukke dag","id":"a-3"}"#,
                #"{"session":"bram","text":"1","id":9}"#,
            ].joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.errorOutput)")
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.first.map { $0 + "\n" } == kept, "the reply kept by 0.17.0, byte for byte")
        #expect(lines.dropFirst().first?.contains("Hoe voel je je (lichamelijk en mentaal)?") == true)
        // bram stood in the crisis answer, whose words have changed since 0.17.0: it starts again,
        // saying so, rather than take "1" as an answer to the old text.
        #expect(lines.last?.contains("Sinds je vorige bericht is gids bijgewerkt.") == true, "bram goes on")
        #expect(lines.last?.contains("Ben je nu veilig?") == true, "in the crisis answer")
        let due = try gids(["serve", "--store", store, "--now", "2026-03-27"], input: #"{"type":"due"}"# + "\n")
        #expect(due.output == #"{"sessions":["carla"],"type":"due"}"# + "\n")
    }

    @Test(
        "a sealed state, kept reply or follow-up name copied onto another session's row never opens there: that session starts anew, and due names no one"
    )
    func sealedValuesStayOnTheirRow() throws {
        let folder = try temporaryFolder("rows")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("s.sqlite").path
        let options = ["serve", "--store", store] + Self.options
        let answers = ["hoi", "2", "4", "1", "1", "vandaag", "moe", "nee", "1", "1", "6", "2", "1", "3", "3"]
        let carla = answers.map { #"{"session":"carla","text":"\#($0)"}"# }
        let lines =
            [
                #"{"session":"anna","text":"hoi","id":1}"#, #"{"session":"anna","text":"1","id":2}"#,
                #"{"session":"anna","text":"Geheim-woord-van-anna","id":3}"#, #"{"session":"bob","text":"hoi","id":1}"#,
                #"{"session":"dirk","text":"hoi"}"#,
            ] + carla
        #expect(try gids(options, input: lines.joined(separator: "\n") + "\n").status == 0)
        let pseudonyms = try python([
            "-c",
            """
            import sqlite3; c = sqlite3.connect('\(store)')
            rows = dict(c.execute('select key, state from session'))
            for k in rows: print(k)
            """,
        ]).output.split(separator: "\n").map(String.init)
        #expect(pseudonyms.count == 4)
        // Every session's row gets anna's state and answered lines; dirk's follow-up name row
        // gets carla's sealed name.
        let copied = try python([
            "-c",
            """
            import sqlite3; c = sqlite3.connect('\(store)')
            (state, answered, last_id) = c.execute('select state, answered, last_id from session order by length(answered) desc').fetchone()
            c.execute('update session set state = ?, answered = ?, last_id = ?', (state, answered, last_id))
            (sealed,) = c.execute('select sealed_session from reachable').fetchone()
            c.execute('insert into reachable (key, sealed_session) select key, ? from session where key not in (select key from reachable)', (sealed,))
            c.execute('insert into follow_up select s.key, f.event_date, f.event_kind, f.pile_up, f.schedule, f.closed from session s, follow_up f where s.key not in (select subject from follow_up)')
            c.execute('insert into talk select s.key, t.number, t.date, t.signals, t.signals_asked, t.skipped_questions from session s, talk t where s.key not in (select subject from talk)')
            c.commit(); print(c.execute('select count(*) from reachable').fetchone()[0])
            """,
        ])
        #expect(copied.status == 0 && copied.output == "4\n", "\(copied.output)")
        let after = try gids(
            options,
            input: [#"{"session":"bob","text":"1","id":2}"#, #"{"session":"bob","text":"hoi","id":3}"#]
                .joined(separator: "\n") + "\n")
        #expect(!after.output.contains("Geheim-woord-van-anna"))
        #expect(!after.output.contains(#""session":"anna""#))
        #expect(after.output.contains(#""session":"bob""#))
        let due = try gids(["serve", "--store", store, "--now", "2026-03-27"], input: #"{"type":"due"}"# + "\n")
        #expect(due.output == #"{"sessions":["carla"],"type":"due"}"# + "\n", "only carla's own row names her")
    }
}
