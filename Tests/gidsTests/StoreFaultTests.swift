import Foundation
import Testing

/// A store in trouble, as an operator meets it: a full disk, damaged pages, a missing key,
/// something that is not a file, two first opens at once. The operator is told, nothing is
/// changed that gids did not create, and no person's turn is lost silently.
@Suite struct StoreFaultTests {
    static let options = ["--lang", "nl", "--region", "nl", "--now", "2026-03-12"]

    @Test(
        "a full disk is told on stderr and counted in stats; after 5 failed commits in a row serve stops with 74, and the store goes on afterwards"
    )
    func fullDisk() throws {
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
        while number < 1_000 {
            // One line at a time: each is a batch, committed on its own.
            serve.send([#"{"session":"s\#(number)","text":"\#(typed)"}"#])
            number += 1
            guard let line = serve.readLine() else { break }
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
        #expect(failed == 5, "the server stopped after 5 failed commits in a row")
        let exit = serve.waitForExit()
        #expect(exit.status == 74)
        #expect(exit.errors.contains("error gids.store: reason=disk I/O error"))
        #expect(exit.errors.contains("stopping: 5 commits in a row failed"))
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
}
