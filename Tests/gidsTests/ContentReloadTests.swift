import DialogueRuntime
import Foundation
import Guide
import SessionStore
import Testing

/// `gids serve` keeps running while its content is edited and reloaded (SIGHUP), with many
/// conversations stored at every kind of point.
@Suite struct ContentReloadTests {
    /// The notice a conversation gets when the node it stood in was edited (`ContentUpdated`).
    static let notice = [
        "nl": "Sinds je vorige bericht is gids bijgewerkt.", "en": "gids was updated since your last message",
    ]

    /// A live conversation as the test knows it: its last reply, and where its stored state stands.
    private struct Live {
        var session: String
        var language: String
        var reply: [String: Any]
        var state: ConversationState?
    }

    @Test(
        "200 conversations at random points, random edits to the dialogues, SIGHUP: each goes on exactly where its nodes are unchanged, or starts its edited node again with the notice",
        .timeLimit(.minutes(10)))
    func randomEditsUnderLiveConversations() throws {
        let folder = try temporaryFolder("reload")
        defer { try? FileManager.default.removeItem(at: folder) }
        let dialogues = try copyOfDialogues(in: folder)
        let store = folder.appendingPathComponent("serve.sqlite").path
        let server = try ServeProcess([
            "--dialogues", dialogues.path, "--store", store, "--region", "nl", "--now", "2026-03-12",
        ])
        var random = SeededRandom(state: 2026)

        // 1. Two hundred conversations, in both languages, each walked a random number of turns.
        var live = (0..<200).map { Live(session: "s\($0)", language: $0 % 2 == 0 ? "nl" : "en", reply: [:]) }
        live = try exchange(live, with: server) { ["type": "start", "lang": $0.language] }
        for _ in 0..<12 {
            let walking = live.filter { _ in Bool.random(using: &random) }
            let answered = try exchange(walking, with: server) { Self.answer(to: $0.reply, using: &random) }
            for conversation in answered {
                live[live.firstIndex { $0.session == conversation.session }!] = conversation
            }
            live.removeAll { $0.reply["done"] as? Bool == true }
        }
        #expect(live.count > 100)

        // 2. Where each stands, read from the store as the server committed it.
        let database = try SessionDatabase(path: store)
        for index in live.indices {
            let stored = try database.transaction { try $0.session(live[index].session) }
            live[index].state = try stored.map { try ConversationState(binary: [UInt8]($0.state)) }
        }

        // 3. Edits: half the nodes conversations stand in, and ten others, per language.
        var editor = DialogueEditor(seed: 12)
        for language in ["nl", "en"] {
            let languageFolder = dialogues.appendingPathComponent(language)
            let here = live.filter { $0.language == language }
            // Sorted, so that the same seeds make the same choices in every run.
            let standingIn = Set(here.flatMap(Self.standing)).sorted()
            let others = try DialogueEditor.titles(in: languageFolder).filter { !standingIn.contains($0) }
            var chosen = Set(standingIn.filter { _ in Bool.random(using: &random) })
            chosen.formUnion(others.shuffled(using: &random).prefix(10))
            // At least one conversation with no detour waiting at each kind of question.
            for kind in ["choice", "text"] {
                if let node = here.first(where: {
                    $0.reply["expect"] as? String == kind && Self.standing($0).count == 1
                }).map({ Self.standing($0)[0] }) {
                    chosen.insert(node)
                }
            }
            chosen.remove("ContentUpdated")
            try editor.edit(nodes: chosen, in: languageFolder, language: language)
        }
        #expect(editor.kindsUsed == Set(DialogueEditor.Kind.allCases))
        let check = try gids(["check", "--dialogues", dialogues.path])
        try #require(check.status == 0, "the edits left the content invalid: \(check.errorOutput)")

        // 4. Reload, and every conversation answers its question.
        server.signal(SIGHUP)
        #expect(server.waitForError(containing: "content reloaded"))
        let content = try GuideContent.load(from: dialogues.path)
        var answers: [String: String] = [:]
        for conversation in live {
            answers[conversation.session] =
                conversation.reply["expect"] as? String == "text" ? "het was een rustige dienst" : "1"
        }
        let continued = try exchange(live, with: server) { ["text": answers[$0.session]!] }

        // 5. Each went on exactly, or started its edited node again with the notice; nothing else.
        var restarted = 0
        var restartedAt: Set<String> = []
        for (before, after) in zip(live, continued) {
            let state = try #require(before.state)
            let frames = Self.standing(before)
            let messages = (after.reply["messages"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
            let options = (after.reply["options"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
            let wasEdited = frames.contains { editor.edited[before.language, default: []].contains($0) }
            let gotNotice = messages.first?.hasPrefix(Self.notice[before.language]!) == true
            #expect(
                wasEdited == gotNotice,
                "\(before.session) stood in \(frames); edited: \(wasEdited), notice: \(gotNotice)")

            // What the engine does with the stored state on the new content, turn for turn.
            var expected = Conversation(content: content, state: state)
            let reply = expected.respond(to: answers[before.session]!)
            #expect(messages == reply.messages.map(\.text), "\(before.session)")
            #expect(options == reply.options.map(\.text), "\(before.session)")

            // Restarted: the outermost edited node from its beginning, as a new start there shows it.
            if gotNotice,
                let outermost = frames.firstIndex(where: { editor.edited[before.language, default: []].contains($0) }),
                outermost == 0
            {
                var fresh = Conversation(content: content, state: state)
                let start = fresh.start(atNode: frames[0])
                #expect(
                    Array(messages.dropFirst()) == start.messages.map { $0.text },
                    "\(before.session) restarted \(frames[0])")
                #expect(options == start.options.map { $0.text })
                restarted += 1
                restartedAt.insert(before.reply["expect"] as? String ?? "")
            }
        }
        // Both kinds of question were among the restarted: options and own words.
        #expect(restarted > 10)
        #expect(restartedAt == ["choice", "text"])
        try server.closeInput()
        #expect(server.waitForExit().status == 0)
    }

    @Test(
        "the case that was found: 'Hoe voel je je?' gains two lines while a person is at it; their '6' after the reload is asked again, and the summary says what they chose"
    )
    func feelingQuestionGainsTwoLines() throws {
        let folder = try temporaryFolder("feeling")
        defer { try? FileManager.default.removeItem(at: folder) }
        let dialogues = try copyOfDialogues(in: folder)
        let server = try ServeProcess([
            "--dialogues", dialogues.path, "--store", folder.appendingPathComponent("s.sqlite").path, "--lang", "nl",
            "--region", "nl",
        ])
        server.send([
            #"{"session":"a","text":"hallo"}"#, #"{"session":"a","text":"1"}"#,
            #"{"session":"a","text":"een lange dienst"}"#,
        ])
        #expect(server.readLines(3).last?.contains("Hoe voel je je (lichamelijk en mentaal)?") == true)

        let checkin = dialogues.appendingPathComponent("nl/checkin.yarn")
        try String(contentsOf: checkin, encoding: .utf8).replacingOccurrences(
            of: "Hoe voel je je (lichamelijk en mentaal)?\n",
            with: "Hoe voel je je (lichamelijk en mentaal)?\nNeem er de tijd voor.\nEr is geen goed of fout antwoord.\n"
        ).write(to: checkin, atomically: true, encoding: .utf8)
        server.signal(SIGHUP)
        #expect(server.waitForError(containing: "content reloaded"))

        server.send([#"{"session":"a","text":"6"}"#])
        let again = server.readLine() ?? ""
        #expect(
            again.contains(
                "Sinds je vorige bericht is gids bijgewerkt. Je laatste antwoord kon ik daardoor niet gebruiken"))
        #expect(again.contains("Er is geen goed of fout antwoord.") && again.contains(#"{"n":6,"text":"Zwaar"}"#))
        server.send([#"{"session":"a","text":"6"}"#, #"{"session":"a","text":"1"}"#])
        let summary = server.readLines(2).last ?? ""
        #expect(summary.contains("Over hoe je je voelt zei je: zwaar."))
        #expect(summary.contains("Steun: die heb je."))
        try server.closeInput()
        #expect(server.waitForExit().errors.contains("count=1"))
    }

    @Test(
        "a reload with errors keeps the running content and names file:line:col; the metrics file parses with prometheus_client and counts what happened, never what was said"
    )
    func refusedReloadAndMetrics() throws {
        let folder = try temporaryFolder("metrics")
        defer { try? FileManager.default.removeItem(at: folder) }
        let dialogues = try copyOfDialogues(in: folder)
        let metrics = folder.appendingPathComponent("gids.prom")
        let server = try ServeProcess(
            [
                "--dialogues", dialogues.path, "--store", folder.appendingPathComponent("serve.sqlite").path,
                "--metrics", metrics.path, "--lang", "nl", "--region", "nl",
            ], umask: 0o077)
        server.send([#"{"session":"a","text":"hallo"}"#, #"{"session":"a","text":"ik wil dood"}"#, "{not json"])
        #expect(server.readLines(3).count == 3)

        // A node that jumps nowhere: refused, and the conversation goes on as before.
        let start = dialogues.appendingPathComponent("nl/start.yarn")
        let original = try String(contentsOf: start, encoding: .utf8)
        try (original + "title: Kapot\n---\n<<jump Nergens>>\n===\n").write(
            to: start, atomically: true, encoding: .utf8)
        let brokenLine = original.components(separatedBy: "\n").count + 2
        server.signal(SIGHUP)
        #expect(server.waitForError(containing: "the content that was running stays"))
        server.send([#"{"session":"b","text":"hallo"}"#])
        #expect(server.readLine()?.contains("Een korte check-in") == true)

        // Fixed, and reloaded.
        try original.write(to: start, atomically: true, encoding: .utf8)
        server.signal(SIGHUP)
        #expect(server.waitForError(containing: "content reloaded"))
        try server.closeInput()
        let exit = server.waitForExit()
        #expect(exit.status == 0)
        #expect(exit.errors.contains("\(start.path):\(brokenLine):8: error: jump to unknown node 'Nergens'"))

        // Written whole at the end; readable by the monitoring user even under UMask=0077; only counts.
        let read = try python([
            repositoryRoot.appendingPathComponent("Tests/EndToEnd/read_metrics.py").path, metrics.path,
        ])
        try #require(read.status == 0, "\(read.output)")
        let samples = Set(read.output.split(separator: "\n").map(String.init))
        for sample in [
            "gids_lines_total{} 4", "gids_turns_total{} 3", "gids_crisis_answers_total{} 1",
            "gids_check_questions_total{} 0",
            #"gids_errors_total{code="invalid_json"} 1"#, #"gids_content_reloads_total{result="loaded"} 1"#,
            #"gids_content_reloads_total{result="refused"} 1"#, "gids_conversations{} 2",
            "gids_nodes_restarted_total{} 0", "gids_storage_failures_total{} 0",
        ] {
            #expect(samples.contains(sample), "\(sample) not in \(read.output)")
        }
        // Lines that arrive together are committed together: how many commits depends on timing.
        #expect(samples.contains { $0.hasPrefix("gids_commit_duration_seconds_count{} ") && !$0.hasSuffix(" 0") })
        let text = try String(contentsOf: metrics, encoding: .utf8)
        #expect(!text.contains("dood") && !text.contains("hallo"))
        let mode = try FileManager.default.attributesOfItem(atPath: metrics.path)[.posixPermissions] as? Int
        #expect(mode == 0o644)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.contains(".tmp") })
    }

    @Test(
        "a looping dialogue in gids serve: the person gets the failure answer with the crisis lines, the operator the limit that stopped it on stderr"
    )
    func runawayInServe() throws {
        let folder = try temporaryFolder("runaway")
        defer { try? FileManager.default.removeItem(at: folder) }
        let dialogues = try copyOfDialogues(in: folder)
        try "title: Rondje\n---\nNog een keer.\n<<remember 1>>\n<<jump Rondje>>\n===\n".write(
            to: dialogues.appendingPathComponent("nl/rondje.yarn"), atomically: true, encoding: .utf8)
        let menu = dialogues.appendingPathComponent("nl/start.yarn")
        try String(contentsOf: menu, encoding: .utf8).replacingOccurrences(
            of: "-> Stoppen\n    <<jump Goodbye>>", with: "-> Stoppen\n    <<jump Rondje>>"
        )
        .write(to: menu, atomically: true, encoding: .utf8)
        let server = try ServeProcess([
            "--dialogues", dialogues.path, "--store", ":memory:", "--lang", "nl", "--region", "nl",
        ])
        server.send([#"{"session":"a","text":"hallo"}"#, #"{"session":"a","text":"6"}"#])
        let replies = server.readLines(2)
        let stopped = try #require(try JSONSerialization.jsonObject(with: Data(replies[1].utf8)) as? [String: Any])
        #expect(stopped["done"] as? Bool == true)
        #expect(replies[1].contains("113") && replies[1].utf8.count < 4_000)
        try server.closeInput()
        let exit = server.waitForExit()
        #expect(exit.status == 0)
        #expect(exit.errors.contains("more than 200 messages in one turn (in node Rondje); is there a loop?"))
        #expect(!exit.errors.contains("hallo"))
    }

    @Test(
        "GIDS_LOG_LEVEL=info adds when serve starts and stops, with the version and the content; the log never holds what was typed"
    )
    func logLevels() throws {
        let lines = #"{"session":"a","text":"mijn dienst was zwaar"}"# + "\n"
        let quiet = try gids(["serve", "--store", ":memory:"], input: lines)
        #expect(quiet.status == 0 && quiet.errorOutput.isEmpty)
        let told = try gids(["serve", "--store", ":memory:"], input: lines, environment: ["GIDS_LOG_LEVEL": "info"])
        #expect(told.errorOutput.contains("info gids.serve: content_sha256="))
        let version = try gids(["--version"]).output.split(separator: "\n")[0].dropFirst("gids ".count)
        #expect(told.errorOutput.contains("version=\(version)"))
        #expect(told.errorOutput.contains("stopped: input ended"))
        #expect(!told.errorOutput.contains("zwaar"))
        let wrong = try gids(["serve", "--store", ":memory:"], input: lines, environment: ["GIDS_LOG_LEVEL": "loud"])
        #expect(
            wrong.errorOutput.contains(
                "GIDS_LOG_LEVEL must be one of trace, debug, info, notice, warning, error, critical, not 'loud'"))
    }

    @Test(
        "systemctl reload (SIGHUP to the Python bridge) reaches gids serve: the edited content is served to the next message",
        .timeLimit(.minutes(10)))
    func reloadThroughTheBridge() throws {
        let folder = try temporaryFolder("bridge-reload")
        defer { try? FileManager.default.removeItem(at: folder) }
        let dialogues = try copyOfDialogues(in: folder)
        let bridge = try ServeProcess(
            executable: URL(fileURLWithPath: "/usr/bin/env"),
            arguments: [
                "python3", repositoryRoot.appendingPathComponent("Examples/bridges/chat_room_bridge.py").path, "--gids",
                gidsBinary.path,
                "--", "--dialogues", dialogues.path, "--store", ":memory:", "--lang", "nl", "--region", "nl",
            ])
        let event = #"{"room":"!ic:example.org","sender":"@anna:example.org","body":"hoi"}"#
        bridge.send([event])
        #expect(bridge.readLine()?.contains("Stoppen") == true)

        let menu = dialogues.appendingPathComponent("nl/start.yarn")
        try String(contentsOf: menu, encoding: .utf8).replacingOccurrences(of: "-> Stoppen\n", with: "-> Nu stoppen\n")
            .write(to: menu, atomically: true, encoding: .utf8)
        bridge.signal(SIGHUP)
        #expect(bridge.waitForError(containing: "content reloaded"))
        bridge.send([event.replacingOccurrences(of: "@anna", with: "@bram")])
        #expect(bridge.readLine()?.contains("Nu stoppen") == true)
        try bridge.closeInput()
        #expect(bridge.waitForExit().status == 0)
    }

    @Test(
        "gids serve with a broken organisation file starts all the same and gives the national crisis lines, naming what it left out"
    )
    func brokenOrganisationInServe() throws {
        let folder = try temporaryFolder("broken-org")
        defer { try? FileManager.default.removeItem(at: folder) }
        let org = folder.appendingPathComponent("org.yaml")
        let example = try String(
            contentsOf: repositoryRoot.appendingPathComponent("Examples/org/voorbeeld-ziekenhuis.yaml"), encoding: .utf8
        )
        try example.replacingOccurrences(of: "    step: 2\n", with: "    step: 9\n").write(
            to: org, atomically: true, encoding: .utf8)
        let run = try gids(
            ["serve", "--store", ":memory:", "--org", org.path, "--lang", "nl", "--region", "nl"],
            input: #"{"session":"a","text":"ik wil niet meer leven"}"# + "\n")
        #expect(run.status == 0)
        #expect(run.output.contains(#""safety":"crisis""#) && run.output.contains("113"))
        #expect(!run.output.contains("Voorbeeldziekenhuis"))
        #expect(
            run.errorOutput.contains("\(org.path):8:5: error: the entry 'team-collegiale-ondersteuning' is on step 9"))
        #expect(run.errorOutput.contains("gids laat het weg en toont de landelijke hulp en crisislijnen"))
    }

    /// The nodes a conversation stands in, outermost first: the callers of its detours, then where it waits.
    private static func standing(_ conversation: Live) -> [String] {
        guard let dialogue = conversation.state?.dialogue else { return [] }
        return dialogue.callStack.map(\.node) + (dialogue.current.map { [$0.node] } ?? [])
    }

    /// Sends one line per conversation in one batch, and reads one reply each.
    private func exchange(_ conversations: [Live], with server: ServeProcess, line: (Live) -> [String: Any]) throws
        -> [Live]
    {
        var lines: [String] = []
        for conversation in conversations {
            var fields = line(conversation)
            fields["session"] = conversation.session
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: fields), as: UTF8.self))
        }
        server.send(lines)
        return try zip(conversations, server.readLines(conversations.count)).map { conversation, reply in
            var next = conversation
            next.reply = try #require(try JSONSerialization.jsonObject(with: Data(reply.utf8)) as? [String: Any])
            #expect(next.reply["error"] == nil, "\(reply)")
            return next
        }
    }

    /// A random answer to a reply: one of its options, or a few ordinary words.
    private static func answer(to reply: [String: Any], using random: inout SeededRandom) -> [String: Any] {
        let options = reply["options"] as? [[String: Any]] ?? []
        if reply["expect"] as? String == "choice", !options.isEmpty {
            return ["text": "\(Int.random(in: 1...options.count, using: &random))"]
        }
        return ["text": ["gaat wel", "een drukke dienst", "12 maart", "vooral moe"].randomElement(using: &random)!]
    }
}
