import Foundation
import Testing

/// No fault silences the crisis answer: broken directory content, a full disk, a read-only
/// store, a store whose folder was deleted, a dialogue that runs away. In each, a real
/// `gids serve` answers "ik wil dood" with 112 and the region's crisis line.
@Suite struct CrisisAnswerFaultTests {
    static let options = ["--lang", "nl", "--region", "nl", "--now", "2026-03-12"]
    static let crisisLine = #"{"session":"in-nood","text":"ik wil dood"}"#

    /// Whether a reply line gives the crisis answer with 112 and the Dutch crisis line.
    static func isCrisisAnswer(_ line: String?) -> Bool {
        guard let line else { return false }
        return line.contains(#""safety":"crisis""#) && line.contains("112") && line.contains("113")
    }

    @Test(
        "a directory cut short (no crisis: true entries) is an error for gids check, at start-up and at reload; the running content keeps answering a crisis with 112 and 113"
    )
    func directoryWithoutCrisisLines() throws {
        let folder = try temporaryFolder("no-crisis-lines")
        defer { try? FileManager.default.removeItem(at: folder) }
        let dialogues = try copyOfDialogues(in: folder)
        let directory = dialogues.appendingPathComponent("directory/nl.yaml")
        let whole = try String(contentsOf: directory, encoding: .utf8)
        // As an interrupted copy leaves it: the file ends before its crisis lines.
        let cut = whole.split(separator: "\n", omittingEmptySubsequences: false).prefix(93).joined(separator: "\n")
        #expect(!cut.contains("crisis: true"))

        let server = try ServeProcess(["--dialogues", dialogues.path, "--store", ":memory:"] + Self.options)
        server.send([#"{"type":"ping"}"#])
        #expect(server.readLine() == #"{"type":"pong"}"#, "serving, its signals in place")
        try cut.write(to: directory, atomically: true, encoding: .utf8)
        let check = try gids(["check", "--dialogues", dialogues.path])
        #expect(check.status == 1)
        #expect(check.output.contains("\(directory.path):1:1: error: the nl directory has no crisis line besides 112"))
        #expect(
            check.output.contains("\(directory.path):1:1: error: the nl directory has no crisis line that names 112"))
        let start = try gids(["serve", "--dialogues", dialogues.path, "--store", ":memory:"])
        #expect(start.status == 1 && start.output.isEmpty)
        #expect(start.errorOutput.contains("the nl directory has no crisis line besides 112"))

        server.signal(SIGHUP)
        #expect(server.waitForError(containing: "the content that was running stays"))
        server.send([Self.crisisLine])
        #expect(Self.isCrisisAnswer(server.readLine()))
        try server.closeInput()
        #expect(server.waitForExit().status == 0)
    }

    @Test("an organisation file that takes the crisis lines away is left out, and the national crisis lines are given")
    func organisationWithoutCrisisLines() throws {
        let folder = try temporaryFolder("org-no-crisis-lines")
        defer { try? FileManager.default.removeItem(at: folder) }
        let org = folder.appendingPathComponent("org.yaml")
        // Its own entries with the ids of the national crisis lines, not marked as crisis lines.
        try """
        organisation: Ziekenhuis Zonder Lijn
        entries:
          - id: "113"
            step: 3
            name: "Ons eigen team"
            for: "Steun."
            reach: "Bel de receptie."
          - id: "1813"
            step: 3
            name: "Ons eigen team"
            for: "Steun."
            reach: "Bel de receptie."

        """.write(to: org, atomically: true, encoding: .utf8)
        let run = try gids(
            ["serve", "--store", ":memory:", "--org", org.path] + Self.options, input: Self.crisisLine + "\n")
        #expect(run.status == 0)
        #expect(Self.isCrisisAnswer(run.output))
        #expect(!run.output.contains("Ons eigen team"))
        #expect(run.errorOutput.contains("\(org.path):1:1: error: the nl directory has no crisis line besides 112"))
    }

    @Test(
        "on a full disk (a real tmpfs) a crisis gets the crisis answer, saying the conversation cannot be kept now; other lines get storage_failed; after 5 failed batches serve goes on, and works again once there is room",
        .enabled(if: SmallFileSystem.isPermitted, "mounting a tmpfs is not permitted here (it needs root)"))
    func fullDisk() throws {
        let disk = try SmallFileSystem(megabytes: 8)
        defer { disk.remove() }
        let store = disk.folder.appendingPathComponent("s.sqlite").path
        let metrics = disk.folder.appendingPathComponent("gids.prom").path
        let serve = try ServeProcess(Self.options + ["--store", store, "--metrics", metrics])
        serve.send([#"{"session":"vooraf","text":"hoi"}"#])
        #expect(serve.readLine(within: 30)?.contains("Ik ben gids") == true)

        let filler = disk.folder.appendingPathComponent("filler")
        #expect(FileManager.default.createFile(atPath: filler.path, contents: nil))
        let handle = try FileHandle(forWritingTo: filler)
        while (try? handle.write(contentsOf: Data(repeating: 0x55, count: 16 * 1024))) != nil {}
        try? handle.close()

        for number in 0..<7 {
            serve.send([#"{"session":"gewoon\#(number)","text":"\#(String(repeating: "x", count: 2000))"}"#])
            #expect(serve.readLine(within: 30)?.contains("storage_failed") == true, "line \(number)")
        }
        #expect(serve.waitForError(containing: "5 commits in a row failed"))
        serve.send([Self.crisisLine, #"{"session":"in-nood","text":"crisis","id":"c-2"}"#])
        for _ in 0..<2 {
            let answer = serve.readLine(within: 30)
            #expect(Self.isCrisisAnswer(answer), "\(answer ?? "no answer")")
            #expect(answer?.contains("Ik kan dit gesprek nu niet bewaren") == true)
            #expect(answer?.contains(#""options":[]"#) == true)
        }

        try FileManager.default.removeItem(at: filler)
        serve.send([#"{"session":"vooraf","text":"1"}"#])
        #expect(serve.readLine(within: 30)?.contains("Welke gebeurtenissen") == true, "stored again once there is room")
        #expect(serve.waitForError(containing: "the store works again"))
        try serve.closeInput()
        let exit = serve.waitForExit()
        #expect(exit.status == 0)
        let text = (try? String(contentsOfFile: metrics, encoding: .utf8)) ?? ""
        #expect(text.contains("gids_crisis_answers_unkept_total 2"))
    }

    @Test(
        "a store on a read-only file system is named in plain words at start; serve still answers a crisis with 112 and 113, every other line storage_failed, and exits 74",
        .enabled(if: SmallFileSystem.isPermitted, "mounting a tmpfs is not permitted here (it needs root)"))
    func readOnlyStore() throws {
        let disk = try SmallFileSystem(megabytes: 4)
        defer { disk.remove() }
        let store = disk.folder.appendingPathComponent("s.sqlite").path
        #expect(
            try gids(["serve", "--store", store] + Self.options, input: #"{"session":"a","text":"hoi"}"# + "\n").status
                == 0)
        disk.remountReadOnly()
        let run = try gids(
            ["serve", "--store", store] + Self.options,
            input: [#"{"session":"a","text":"1"}"#, Self.crisisLine].joined(separator: "\n") + "\n")
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first?.contains("storage_failed") == true)
        #expect(Self.isCrisisAnswer(lines.last))
        #expect(run.status == 74)
        #expect(run.errorOutput.contains("\(store): the store cannot be written (Read-only file system)"))
        #expect(!run.errorOutput.contains("grdb") && !run.errorOutput.contains("SQLite error"))
    }

    @Test(
        "the store's folder deleted under a running serve: no line is acknowledged any more, the operator is told, a crisis still gets 112 and 113, and serve exits 74"
    )
    func storeFolderDeleted() throws {
        let folder = try temporaryFolder("deleted")
        defer { try? FileManager.default.removeItem(at: folder) }
        let storeFolder = folder.appendingPathComponent("store")
        let store = storeFolder.appendingPathComponent("s.sqlite").path
        let serve = try ServeProcess(Self.options + ["--store", store])
        serve.send([#"{"session":"a","text":"hoi"}"#])
        #expect(serve.readLine(within: 30)?.contains("Ik ben gids") == true)
        try FileManager.default.removeItem(at: storeFolder)
        serve.send([#"{"session":"a","text":"1"}"#, #"{"session":"b","text":"hoi"}"#])
        #expect(serve.readLine(within: 30)?.contains("storage_failed") == true)
        #expect(serve.readLine(within: 30)?.contains("storage_failed") == true)
        serve.send([Self.crisisLine])
        #expect(Self.isCrisisAnswer(serve.readLine(within: 30)))
        try serve.closeInput()
        let exit = serve.waitForExit()
        #expect(exit.status == 74)
        #expect(
            exit.errors.contains("\(store): the store's file was deleted, moved or replaced while gids had it open"))
    }

    /// A copy of the shipped dialogues in which "Stoppen" in the start menu leads to `node`, and
    /// the crisis answer, when `inCrisis`, first runs it too.
    static func dialogues(in folder: URL, runningAway node: String, inCrisis: Bool = false) throws -> URL {
        let dialogues = try copyOfDialogues(in: folder)
        // A string that doubles (and more) on every round, or a plain loop of jumps.
        let body =
            node == "Verdubbel"
            ? "<<set $oefen_eigen = $oefen_eigen + \"ab\" + $oefen_eigen>>\n<<jump Verdubbel>>"
            : "<<jump Rondje>>"
        try "title: \(node)\n---\n\(body)\n===\n".write(
            to: dialogues.appendingPathComponent("nl/\(node.lowercased()).yarn"), atomically: true, encoding: .utf8)
        let menu = dialogues.appendingPathComponent("nl/start.yarn")
        try String(contentsOf: menu, encoding: .utf8).replacingOccurrences(
            of: "-> Stoppen\n    <<jump Goodbye>>", with: "-> Stoppen\n    <<jump \(node)>>"
        ).write(to: menu, atomically: true, encoding: .utf8)
        if inCrisis {
            let system = dialogues.appendingPathComponent("nl/systeem.yarn")
            try String(contentsOf: system, encoding: .utf8).replacingOccurrences(
                of: "title: Crisis\ntags: entry\n---\n", with: "title: Crisis\ntags: entry\n---\n<<detour \(node)>>\n"
            ).write(to: system, atomically: true, encoding: .utf8)
        }
        return dialogues
    }

    @Test(
        "a dialogue that doubles a string answers its one session with the failure answer and the crisis lines within seconds, in bounded memory; the line is kept, so its resend after kill -9 cannot crash the server again",
        .timeLimit(.minutes(10)))
    func runawayString() throws {
        let folder = try temporaryFolder("runaway-string")
        defer { try? FileManager.default.removeItem(at: folder) }
        let dialogues = try Self.dialogues(in: folder, runningAway: "Verdubbel")
        let store = folder.appendingPathComponent("s.sqlite").path
        let options = Self.options + ["--dialogues", dialogues.path, "--store", store]
        var serve = try ServeProcess(options)
        serve.send([#"{"session":"a","text":"hoi","id":1}"#])
        #expect(serve.readLine(within: 30) != nil)
        let line = #"{"session":"a","text":"6","id":2}"#
        let started = Date()
        serve.send([line, #"{"session":"b","text":"hoi"}"#])
        // Far more than the limits take; should they be raised, this fails instead of hanging.
        let stopped = serve.readLine(within: 20)
        let seconds = Date().timeIntervalSince(started)
        #expect(stopped?.contains("Er ging iets mis aan mijn kant") == true)
        #expect(stopped?.contains("113") == true && stopped?.contains("112") == true)
        #expect(serve.readLine(within: 20)?.contains(#""session":"b""#) == true, "the other session is answered")
        let memory = serve.peakMemoryMiB ?? 0
        print("runaway string: answered in \(String(format: "%.2f", seconds)) s, peak memory \(memory) MiB")
        #expect(seconds < 10)
        #expect(memory < 400)

        serve.kill()
        serve = try ServeProcess(options)
        serve.send([line])
        #expect(serve.readLine(within: 20) == stopped, "the line sent again gets the same answer from the store")
        try serve.closeInput()
        let exit = serve.waitForExit()
        #expect(exit.status == 0)
        #expect(exit.errors.isEmpty || !exit.errors.contains("Fatal"))
    }

    @Test(
        "a crisis whose node runs away still gets 112 and 113, marked as a crisis; a plain loop of jumps is stopped in well under a second",
        .timeLimit(.minutes(10)))
    func runawayCrisis() throws {
        let folder = try temporaryFolder("runaway-crisis")
        defer { try? FileManager.default.removeItem(at: folder) }
        for node in ["Verdubbel", "Rondje"] {
            let dialogues = try Self.dialogues(
                in: folder.appendingPathComponent(node), runningAway: node, inCrisis: true)
            let serve = try ServeProcess(Self.options + ["--dialogues", dialogues.path, "--store", ":memory:"])
            serve.send([#"{"type":"ping"}"#])
            #expect(serve.readLine(within: 30) == #"{"type":"pong"}"#, "the content is loaded")
            let started = Date()
            serve.send([Self.crisisLine])
            let answer = serve.readLine(within: 20)
            let seconds = Date().timeIntervalSince(started)
            #expect(Self.isCrisisAnswer(answer), "\(node): \(answer ?? "no answer")")
            print("runaway crisis (\(node)): answered in \(String(format: "%.2f", seconds)) s")
            #expect(seconds < 1)
            try serve.closeInput()
            let exit = serve.waitForExit()
            #expect(exit.status == 0)
            #expect(exit.errors.contains("is there a loop"))
        }
    }
}
