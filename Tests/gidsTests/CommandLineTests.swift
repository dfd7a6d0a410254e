import Foundation
import TestSupport
import Testing

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// What a run of the `gids` binary printed, and how it exited.
struct GidsRun {
    var status: Int32
    var output: String
    var errorOutput: String
}

/// The `gids` binary built next to the test bundle.
let gidsBinary: URL = {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
        "gids")
    if FileManager.default.fileExists(atPath: beside.path) { return beside }
    return Bundle.main.bundleURL.appendingPathComponent("gids")
}()

/// Runs the `gids` binary built next to this test bundle.
func gids(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> GidsRun {
    try runProgram(gidsBinary, arguments, input: input, environment: environment)
}

/// Runs a program in the repository root with `input` on its standard input.
func runProgram(_ program: URL, _ arguments: [String], input: String = "", environment: [String: String] = [:]) throws
    -> GidsRun
{
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    process.currentDirectoryURL = repositoryRoot
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    let errors = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return GidsRun(
        status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
        errorOutput: String(decoding: errors, as: UTF8.self))
}

@Suite struct CommandLineTests {
    @Test("gids check passes the shipped dialogues and exits 0")
    func checkShippedDialogues() throws {
        let run = try gids(["check"])
        #expect(run.status == 0)
        #expect(run.output.hasSuffix("0 errors, 0 warnings\n"))
    }

    @Test("gids check follows links: a content folder whose language folders are links to elsewhere is clean")
    func linkedFolders() throws {
        let folder = try temporaryFolder("linked")
        defer { try? FileManager.default.removeItem(at: folder) }
        let real = try copyOfDialogues(in: folder)
        let linked = folder.appendingPathComponent("linked")
        try FileManager.default.createDirectory(at: linked, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: real.path) {
            try FileManager.default.createSymbolicLink(
                at: linked.appendingPathComponent(name), withDestinationURL: real.appendingPathComponent(name))
        }
        let run = try gids(["check", "--dialogues", linked.path])
        #expect(run.status == 0)
        #expect(run.output.hasSuffix("0 errors, 0 warnings\n"), "\(run.output.suffix(300))")
    }

    @Test("gids check prints file:line:col diagnostics and exits 1 on errors")
    func checkReportsErrors() throws {
        let folder = try temporaryFolder("check")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("checkin.yarn")
        try "title: Start\n---\nHoi\n        <<jump Afsluitng>>\n===\ntitle: Afsluiting\n---\nDoei\n===\n".write(
            to: file, atomically: true, encoding: .utf8)
        let run = try gids(["check", file.path])
        #expect(run.status == 1)
        #expect(
            run.output.contains(
                "\(file.path):4:16: error: jump to unknown node 'Afsluitng' (did you mean 'Afsluiting'?)\n"))
    }

    @Test(
        "gids check holds the dialogue to what gids carries out: a misspelt command, node or variable is an error where it is written"
    )
    func checkHostContract() throws {
        let folder = try temporaryFolder("contract")
        defer { try? FileManager.default.removeItem(at: folder) }
        let dialogues = try copyOfDialogues(in: folder)
        let file = dialogues.appendingPathComponent("nl/gebeurtenis.yarn")
        var text = try String(contentsOf: file, encoding: .utf8)
        var expected: [String] = []
        /// Misspells the first `written` and expects `message` at the line and column of `at`.
        func misspell(_ written: String, as wrong: String, at part: String, _ message: String) throws {
            let range = try #require(text.range(of: written))
            text.replaceSubrange(range, with: wrong)
            let before = text[..<range.lowerBound]
            let line = before.filter { $0 == "\n" }.count + 1
            let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
            let partRange = try #require(text[lineStart...].range(of: part))
            let column = text.distance(from: lineStart, to: partRange.lowerBound) + 1
            expected.append("\(file.path):\(line):\(column): error: \(message)")
        }
        let misspellings = [
            (
                "<<help_step 2>>", "<<help_stap 2>>", "<<",
                "'help_stap' is not a command gids carries out (did you mean 'help_step'?)"
            ),
            (
                "<<remember 1>>", "<<remember 4>>", "<<",
                "<<remember>> needs the talk number, 1 to 3, like <<remember 1>>"
            ),
            (
                "<<ask $datum_tekst>>", "<<ask $datum_tekts>>", "<<",
                "<<ask $datum_tekts>> needs a declared string variable (did you mean '$datum_tekst'?)"
            ),
            (
                "<<jump Gesprek1>>", "<<jump Gesprk1>>", "Gesprk1",
                "jump to unknown node 'Gesprk1' (did you mean 'Gesprek1'?)"
            ),
            (
                "<<set $zorgen = true>>", "<<set $zorgn = true>>", "$zorgn",
                "$zorgn is not declared (did you mean '$zorgen'?)"
            ),
        ]
        for (written, wrong, part, message) in misspellings { try misspell(written, as: wrong, at: part, message) }
        try text.write(to: file, atomically: true, encoding: .utf8)

        let run = try gids(["check", "--dialogues", dialogues.path])
        #expect(run.status == 1)
        for message in expected {
            #expect(run.output.contains(message), "\(message)\n\(run.output.prefix(3000))")
        }
    }

    @Test(
        "gids conformance ends with 'N passed, M failed' and exits 0 when all pass",
        .enabled(if: SharedTestData.yarnTestPlans.isPresent, SharedTestData.yarnTestPlans.skipReason))
    func conformance() throws {
        let run = try gids(["conformance", SharedTestData.yarnTestPlans.folder.path])
        #expect(run.status == 0)
        #expect(run.output.hasSuffix("23 passed, 0 failed\n"))
    }

    @Test("gids chat reads answers from a pipe, prints plain lines, and ends with Ctrl-D's summary")
    func chatFromPipe() throws {
        let run = try gids(
            ["chat", "--lang", "en", "--region", "nl"],
            input: "a short\nA long \u{1B}[2J\u{1B}[31mnight\u{07} shift\ntired\n")
        #expect(run.status == 0)
        #expect(run.output.contains("\nWhich events of today stayed with you?\n"))
        #expect(run.output.contains("\nHow do you feel, physically and mentally?\n  1. Tired\n"))
        #expect(run.output.contains("\nStayed with you: A long night shift.\nHow you feel: tired.\n"))
        #expect(!run.output.contains("\u{1B}["))
        #expect(!run.output.contains("> "))
        #expect(run.errorOutput.isEmpty)
    }

    @Test("gids chat --record writes a transcript readable only by its owner, which gids test replays")
    func recordAndReplay() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gids-\(UUID().uuidString).transcript")
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try gids(
            ["chat", "--lang", "nl", "--region", "be", "--seed", "3", "--record", file.path], input: "3\n4\n2\n2\n")
        #expect(run.status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try String(contentsOf: file, encoding: .utf8).contains("> 4\n"))
        let replay = try gids(["test", file.path])
        #expect(replay.status == 0)
        #expect(replay.output.hasSuffix("1 passed, 0 failed\n"))
    }

    @Test(
        "a chat or practice session recorded without --seed (and practice with --org) replays exactly",
        arguments: [
            ["chat", "--lang", "nl", "--region", "nl"],
            ["practice", "--lang", "nl", "--region", "nl", "--org", "Examples/org/voorbeeld-ziekenhuis.yaml"],
        ])
    func recordWithoutSeed(command: [String]) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gids-\(UUID().uuidString).transcript")
        defer { try? FileManager.default.removeItem(at: file) }
        let arguments = command.map { $0.hasPrefix("Examples/") ? repositoryRoot.appendingPathComponent($0).path : $0 }
        let run = try gids(
            arguments + ["--record", file.path],
            input: command[0] == "chat" ? "1\nEen dag\nmoe\nja\n" : "1\n1\nik wil dood\n")
        #expect(run.status == 0, "\(run.errorOutput)")
        let replay = try gids(["test", file.path])
        #expect(replay.output.hasSuffix("1 passed, 0 failed\n"), "\(replay.output)")
    }

    @Test("gids test finds a transcript's organisation file when the transcript is named by a relative path")
    func testRelativePath() throws {
        let run = try gids(["test", "Transcripts/org-nl.transcript"])
        #expect(run.status == 0, "\(run.errorOutput)")
        #expect(run.output.hasSuffix("1 passed, 0 failed\n"))
    }

    @Test("gids test shows a diff and exits 1 when the guide says something else now")
    func testReportsDifferences() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gids-\(UUID().uuidString).transcript")
        defer { try? FileManager.default.removeItem(at: file) }
        try "# gids transcript\n# lang: en\n# region: nl\n# seed: 1\nSomething gids never said\n> 5\n".write(
            to: file, atomically: true, encoding: .utf8)
        let run = try gids(["test", file.path])
        #expect(run.status == 1)
        #expect(run.output.contains("-Something gids never said\n"))
        #expect(run.output.hasSuffix("0 passed, 1 failed\n"))
    }

    @Test(
        "a broken organisation file never takes the crisis answer away: gids names file and line, leaves it out and answers with the national lines"
    )
    func brokenOrganisation() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("org-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        // The example file with one wrong step number, as an edit by hand might leave it.
        let example = try String(
            contentsOf: repositoryRoot.appendingPathComponent("Examples/org/voorbeeld-ziekenhuis.yaml"), encoding: .utf8
        )
        try example.replacingOccurrences(of: "    step: 2\n", with: "    step: 9\n").write(
            to: file, atomically: true, encoding: .utf8)
        let run = try gids(["chat", "--lang", "en", "--region", "nl", "--org", file.path], input: "I want to die\n")
        #expect(run.status == 0)
        #expect(
            run.errorOutput.contains("\(file.path):8:5: error: the entry 'team-collegiale-ondersteuning' is on step 9"))
        #expect(run.errorOutput.contains("gids leaves it out and shows the national help and crisis lines"))
        #expect(run.output.contains("113"))
        #expect(!run.errorOutput.contains("cannot start"))
    }

    @Test("gids chat refuses to start on broken dialogues and says where the error is")
    func chatWithBrokenDialogues() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gids-broken-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("nl"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            at: repositoryRoot.appendingPathComponent("Dialogues"), to: folder.appendingPathComponent("copy"))
        try "title: Start\n---\n<<jump Nergens>>\n===\n".write(
            to: folder.appendingPathComponent("copy/nl/start.yarn"), atomically: true, encoding: .utf8)
        let run = try gids(["chat", "--lang", "nl", "--dialogues", folder.appendingPathComponent("copy").path])
        #expect(run.status == 1)
        #expect(run.errorOutput.contains("nl/start.yarn:3:8: error: jump to unknown node 'Nergens'"))
        #expect(run.errorOutput.contains("gids kan niet starten"))
    }
}

@Suite struct MemoryCommandLineTests {
    @Test("with consent gids remembers across runs, greets for the second talk when it is due, and forgets on request")
    func rememberAndForget() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("gids-data-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        // What is remembered belongs to the person, not to a region: memory and forget take no --region.
        let options = ["--lang", "en", "--data-dir", data.path]
        let chat = ["chat", "--region", "nl"] + options
        let first = try gids(
            chat + ["--now", "2026-03-12", "--seed", "1"],
            input: "2\n4\n1\n1\ntoday\nsad\nno\n1\n1\n6\n2\n1\n3\n6\n2\n3\n")
        #expect(first.status == 0)
        #expect(first.output.contains("may I remember the date"))
        #expect(
            first.output.contains(
                "The second talk can take place from 26 March.\nStart gids again from that day, and I'll ask you about it."
            ))
        let database = data.appendingPathComponent("gids.sqlite").path
        #expect((try FileManager.default.attributesOfItem(atPath: database)[.posixPermissions] as? Int) == 0o600)

        let memory = try gids(["memory"] + options + ["--now", "2026-03-20"])
        #expect(
            memory.output.contains(
                "A critical event: a death or another moment in care that affected you deeply, on 12 March."))
        #expect(memory.output.contains("The next talk: the second, from 26 March."))

        let early = try gids(chat + ["--now", "2026-03-20"], input: "6\n")
        #expect(
            early.output.contains(
                "The second talk about what happened can take place from 26 March; I'll ask you about it then."))
        let due = try gids(chat + ["--now", "2026-03-27"], input: "2\n6\n")
        #expect(
            due.output.contains(
                "We talked on 12 March about something distressing that happened to you. Shall we have the second talk now?"
            ))

        let forget = try gids(["forget"] + options)
        #expect(forget.output == "Deleted: \(database). gids no longer remembers anything about you.\n")
        #expect(!FileManager.default.fileExists(atPath: database))
        #expect(try gids(["memory"] + options).output == "I don't remember anything about you.\n")
        #expect(
            try gids(["forget"] + options).output
                == "gids doesn't remember anything about you, so there's nothing to delete.\n")
    }

    @Test("'forget me' inside a chat deletes everything remembered, and says so")
    func forgetMeInChat() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("gids-data-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        // What is remembered belongs to the person, not to a region: memory and forget take no --region.
        let options = ["--lang", "en", "--data-dir", data.path]
        let chat = ["chat", "--region", "nl"] + options
        _ = try gids(
            chat + ["--now", "2026-03-12", "--seed", "1"],
            input: "2\n4\n1\n1\ntoday\nsad\nno\n1\n1\n6\n2\n1\n3\n6\n2\n3\n")
        let database = data.appendingPathComponent("gids.sqlite").path
        #expect(FileManager.default.fileExists(atPath: database))
        let run = try gids(chat + ["--now", "2026-03-20"], input: "forget me\n")
        #expect(run.status == 0)
        #expect(run.output.contains("Deleted: this conversation and everything gids remembered about you."))
        #expect(!FileManager.default.fileExists(atPath: database))
        #expect(try gids(["memory"] + options).output == "I don't remember anything about you.\n")
    }

    @Test("a damaged memory file is reported, left alone, and the conversation still works")
    func damagedMemory() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("gids-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: data) }
        let database = data.appendingPathComponent("gids.sqlite")
        try Data("not a database at all, but something precious".utf8).write(to: database)
        let run = try gids(["chat", "--lang", "nl", "--region", "nl", "--data-dir", data.path], input: "6\n")
        #expect(run.status == 0)
        #expect(run.errorOutput.contains("\(database.path): this file is not a readable gids database"))
        #expect(
            run.output.contains("Wat past nu bij je?") || run.output.contains("Wat wil je doen?")
                || run.output.contains("Waar wil je mee beginnen?"))
        #expect(try String(contentsOf: database, encoding: .utf8) == "not a database at all, but something precious")
        let forget = try gids(["forget", "--data-dir", data.path])
        #expect(forget.status == 1)
    }

    @Test("the date comes from --now or GIDS_NOW, and a malformed one is refused")
    func injectedClock() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("gids-data-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let bad = try gids(["chat", "--now", "12 maart"], input: "")
        #expect(bad.status != 0)
        #expect(bad.errorOutput.contains("the date must be written YYYY-MM-DD"))
        let run = try gids(
            ["chat", "--lang", "en", "--region", "nl", "--data-dir", data.path], input: "2\n1\n1\n1\n2026-03-20\n",
            environment: ["GIDS_NOW": "2026-03-19"])
        #expect(run.output.contains("That date is still in the future."))
    }
}

@Suite struct SafetyCommandTests {
    @Test("gids safety --explain prints the decision and the rule behind it, exactly as docs/safety-net.md shows")
    func explainAsDocumented() throws {
        let page = try String(
            contentsOf: repositoryRoot.appendingPathComponent("docs/safety-net.md"), encoding: .utf8)
        let lines = page.components(separatedBy: "\n")
        let prefix = "    $ gids safety --rules-only --explain "
        let command = try #require(lines.firstIndex { $0.hasPrefix(prefix) })
        let text = String(lines[command].dropFirst(prefix.count).dropFirst().dropLast())
        let shown = lines[(command + 1)...].prefix { $0.hasPrefix("    ") }.map { String($0.dropFirst(4)) }
        let run = try gids(["safety", "--rules-only", "--explain", text])
        #expect(run.status == 0)
        #expect(run.output == shown.joined(separator: "\n") + "\n")
    }

    @Test("gids safety --corpus counts each category's outcomes through real conversations, and names a bad line")
    func corpus() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-\(UUID().uuidString).tsv")
        defer { try? FileManager.default.removeItem(at: file) }
        try
            "# lang, category, text\nnl\twish-dead\tik wil dood\nen\tanswer\tfine, quiet shift\nnl\tburden\tik zie het niet meer zitten\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let run = try gids(["safety", "--corpus", file.path, "--list", "check"])
        #expect(run.status == 0)
        let rows = run.output.components(separatedBy: "\n")
        #expect(
            rows.contains {
                $0.hasPrefix("nl wish-dead") && $0.hasSuffix("1       1      0                   0        0")
            })
        #expect(rows.contains { $0.hasPrefix("all") })
        #expect(rows.contains("\(file.path):4: check [burden] ik zie het niet meer zitten"))
        try "nl\tx\n".write(to: file, atomically: true, encoding: .utf8)
        let bad = try gids(["safety", "--corpus", file.path])
        #expect(bad.status == 1)
        #expect(bad.errorOutput.contains("\(file.path):1:1: error: expected lang<TAB>category<TAB>text"))
    }
}

@Suite struct PracticeCommandTests {
    @Test("gids practice --explain prints what a trainer reads in docs/practice.md, exactly")
    func explainAsDocumented() throws {
        let page = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/practice.md"), encoding: .utf8)
        let lines = page.components(separatedBy: "\n")
        let prefix = "    $ swift run gids practice --lang nl --explain "
        let command = try #require(lines.firstIndex { $0.hasPrefix(prefix) })
        let text = String(lines[command].dropFirst(prefix.count).dropFirst().dropLast())
        let shown = lines[(command + 1)...].prefix { $0.hasPrefix("    ") }.map { String($0.dropFirst(4)) }
        let run = try gids(["practice", "--lang", "nl", "--explain", text])
        #expect(run.status == 0)
        #expect(run.output == shown.joined(separator: "\n") + "\n")
    }

    @Test(
        "practice --explain shows both readers: the patterns with their reasons, the learned reader's scores, both weighed, and what practice reads"
    )
    func explainShowsBothReaders() throws {
        let run = try gids([
            "practice", "--lang", "nl", "--explain", "Je moet echt naar de huisarts, dit is niet normaal",
        ])
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("patterns:\n"))
        #expect(run.output.contains("  referral (verwijzen naar professionele hulp): "))
        #expect(run.output.contains("learned reader (each move's score, 0.20 or more):\n"))
        #expect(
            run.output.contains(
                "both readers weighed (each move's probability, 0.20 or more, and the one it counts from):\n"))
        #expect(run.output.contains("  advice: learned reader, both readers weighed: "))
        #expect(run.output.contains("both (as practice reads it):\n"))
    }
}

@Suite struct PrivateFileTests {
    @Test("a --report or --record that cannot be written is refused before anything starts, in plain words")
    func unwritablePathsAtTheStart() throws {
        let missing = "/nonexistent-\(UUID().uuidString)"
        let practice = try gids(["practice", "--lang", "nl", "--report", missing + "/r.md"], input: "1\n")
        #expect(practice.status == 64)
        #expect(
            practice.errorOutput.contains(
                "--report: cannot write \(missing)/r.md: the folder \(missing) does not exist"))
        #expect(practice.output.isEmpty, "no practice begins")
        let chat = try gids(
            ["chat", "--lang", "nl", "--region", "nl", "--record", missing + "/t.transcript"], input: "6\n")
        #expect(chat.status == 64)
        #expect(
            chat.errorOutput.contains(
                "--record: cannot write \(missing)/t.transcript: the folder \(missing) does not exist"))
    }

    @Test("a path starting with ~/ is in the home folder, and the report says where it was written")
    func homeFolderAndReport() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("gids-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let chat = try gids(
            ["chat", "--lang", "nl", "--region", "nl", "--record", "~/t.transcript"], input: "6\n",
            environment: ["HOME": home.path])
        #expect(chat.status == 0)
        let transcript = home.appendingPathComponent("t.transcript").path
        #expect((try FileManager.default.attributesOfItem(atPath: transcript)[.posixPermissions] as? Int) == 0o600)
        let practice = try gids(
            ["practice", "--lang", "nl", "--report", "~/r.md"], input: "1\n1\nstop\n", environment: ["HOME": home.path])
        #expect(practice.status == 0)
        let report = home.appendingPathComponent("r.md").path
        #expect(practice.output.hasSuffix("De nabespreking staat in: \(report)\n"))
        #expect(FileManager.default.fileExists(atPath: report))
    }
}
