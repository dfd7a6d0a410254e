import Foundation
import Testing

private let serveOptions = ["--lang", "nl", "--region", "nl", "--now", "2026-03-12"]

@Suite struct ServeTests {
    @Test(
        "every output line, for good and bad input alike, matches docs/protocol.schema.json; one line out per line in")
    func schema() throws {
        let folder = try temporaryFolder("schema")
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines = [
            #"{"session":"a","text":"hoi","id":1}"#, #"{"session":"a","text":"3","id":"two"}"#,
            #"{"session":"a","text":"2","id":3.5}"#,
            #"{"session":"b","text":"ik wil dood"}"#, #"{"session":"d","text":"ik zie het niet meer zitten"}"#,
            #"{"type":"start","session":"c","lang":"en","region":"be"}"#, #"{"type":"reset","session":"c"}"#,
            #"{"type":"ping"}"#, #"{"type":"stats","id":9}"#, #"{"type":"due"}"#, #"{"type":"forget","session":"c"}"#,
        ]
        lines += [
            #"{"session":"#, "[1]", "7", #"{"text":"x"}"#, #"{"session":"","text":"x"}"#, #"{"session":1,"text":"x"}"#,
            #"{"session":"a","text":2}"#,
            #"{"type":"dance"}"#, #"{"type":"start","session":"a","lang":"fr"}"#, "", "   ",
            #"{"session":"a","text":"\u001b[2J"}"#,
            #"{"session":"a","text":"a\u0000b"}"#, #"{"session":"a","id":true,"text":"x"}"#,
        ]
        lines.append(#"{"session":"a","id":1,"\u0069d":2,"text":"x"}"#)
        let serve = try ServeProcess(serveOptions + ["--store", folder.appendingPathComponent("s.sqlite").path])
        serve.send(lines)
        // Not UTF-8: its error's code must match the schema too.
        serve.sendRaw(Data([0x7B, 0x22, 0xFF, 0x22, 0x7D, 0x0A]))
        try serve.closeInput()
        let output = serve.readLines(lines.count + 2)
        #expect(output.count == lines.count + 1)
        #expect(output.last?.contains(#""code":"invalid_utf8""#) == true)
        #expect(serve.waitForExit().status == 0)
        let file = folder.appendingPathComponent("out.jsonl")
        try (output.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let (status, text) = try python([
            repositoryRoot.appendingPathComponent("Tests/EndToEnd/validate_protocol.py").path,
            repositoryRoot.appendingPathComponent("docs/protocol.schema.json").path, file.path,
        ])
        #expect(status == 0, "\(text)(needs python3 with jsonschema; .ci/setup installs it)")
        #expect(text == "\(lines.count + 1) lines valid\n")
    }

    @Test("SIGTERM finishes the lines already read, commits, and exits 0")
    func sigterm() throws {
        let folder = try temporaryFolder("term")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("s.sqlite").path
        let serve = try ServeProcess(serveOptions + ["--store", store])
        serve.send([#"{"session":"a","text":"hoi"}"#, #"{"session":"a","text":"1"}"#])
        #expect(serve.readLines(2).count == 2)
        serve.terminate()
        let exit = serve.waitForExit()
        #expect(serve.process.terminationReason == .exit)
        #expect(exit.status == 0)
        let again = try ServeProcess(serveOptions + ["--store", store])
        again.send([#"{"session":"a","text":"Een drukke dag"}"#])
        #expect(again.readLine()?.contains("Hoe voel je je (lichamelijk en mentaal)?") == true)
        try again.closeInput()
        #expect(again.waitForExit().status == 0)
    }

    @Test("a closed output ends the server cleanly")
    func closedOutput() throws {
        let serve = try ServeProcess(serveOptions + ["--store", ":memory:"], closingOutput: true)
        serve.send([#"{"session":"a","text":"hoi"}"#, #"{"type":"ping"}"#])
        try serve.closeInput()
        let exit = serve.waitForExit()
        #expect(serve.process.terminationReason == .exit)
        #expect(exit.status == 0)
        #expect(exit.errors.isEmpty)
    }

    @Test("a 10 MB line gets one error and the next line is answered; input ending mid-line gets an error")
    func hugeAndTruncatedLines() throws {
        let serve = try ServeProcess(serveOptions + ["--store", ":memory:"])
        serve.sendRaw(Data(repeating: UInt8(ascii: "x"), count: 10 * 1024 * 1024) + Data("\n".utf8))
        serve.send([#"{"type":"ping","id":1}"#])
        serve.sendRaw(Data(#"{"session":"a","te"#.utf8))
        try serve.closeInput()
        let output = serve.readLines(4)
        #expect(output.count == 3)
        #expect(output[0].contains(#""code":"line_too_long""#))
        #expect(output[1] == #"{"id":1,"type":"pong"}"#)
        #expect(output[2].contains(#""code":"truncated_line""#))
        #expect(serve.waitForExit().status == 0)
    }

    @Test("a flood of 100,000 lines at once is answered line for line, in order")
    func flood() throws {
        let serve = try ServeProcess(serveOptions + ["--store", ":memory:"])
        let count = 100_000
        let lines = (0..<count).map { number in
            number % 100 == 0
                ? #"{"session":"s\#(number % 1000)","text":"hoi","id":\#(number)}"#
                : #"{"type":"ping","id":\#(number)}"#
        }
        DispatchQueue.global().async {
            serve.send(lines)
            try? serve.closeInput()
        }
        var expected = 0
        var inOrder = true
        while let line = serve.readLine() {
            if !line.contains(#""id":\#(expected),"#) && !line.hasPrefix(#"{"id":\#(expected),"#) { inOrder = false }
            expected += 1
        }
        #expect(expected == count)
        #expect(inOrder)
        #expect(serve.waitForExit().status == 0)
    }

    @Test("a damaged or foreign store is refused with a clear message and left untouched")
    func damagedStore() throws {
        let folder = try temporaryFolder("damaged")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("s.sqlite")
        try Data("precious notes, not a database".utf8).write(to: store)
        let serve = try ServeProcess(["--store", store.path])
        try serve.closeInput()
        let exit = serve.waitForExit()
        #expect(exit.status == 1)
        #expect(exit.errors.contains("\(store.path): this file is not a readable gids database"))
        #expect(try String(contentsOf: store, encoding: .utf8) == "precious notes, not a database")
    }

    @Test("a forgotten session is gone from the store's files, WAL included, before 'forgotten' is written")
    func forgetErasesFromFiles() throws {
        let folder = try temporaryFolder("erase")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("s.sqlite").path
        let typed = "Zeldzaam woord xyzzy over de overdracht"
        func occurrences(of needle: Data) -> Int {
            ["", "-wal"].reduce(0) { count, suffix in
                let bytes = FileManager.default.contents(atPath: store + suffix) ?? Data()
                return count + bytes.ranges(of: needle).count
            }
        }
        // The start of each stored (sealed) state, read with a second SQLite client.
        func sealedStates() throws -> Set<Data> {
            let read = try python([
                "-c",
                "import sqlite3\nfor (s,) in sqlite3.connect('\(store)').execute('select state from session'): print(s[:32].hex())",
            ])
            return Set(
                read.output.split(separator: "\n").map { hex in
                    Data(
                        stride(from: 0, to: hex.count, by: 2).compactMap {
                            UInt8(hex.dropFirst($0).prefix(2), radix: 16)
                        })
                })
        }
        let serve = try ServeProcess(serveOptions + ["--store", store])
        // One line at a time, so that each is committed on its own, as a real bridge's are.
        for line in [
            #"{"session":"anna","text":"hoi"}"#, #"{"session":"anna","text":"1"}"#,
            #"{"session":"anna","text":"\#(typed)"}"#,
        ]
            + (0..<20).map({ #"{"session":"bob\#($0)","text":"hoi"}"# })
        {
            serve.send([line])
            #expect(serve.readLine() != nil)
        }
        // What anna typed is kept sealed while her conversation needs it.
        #expect(occurrences(of: Data("xyzzy".utf8)) == 0)
        let before = try sealedStates()
        serve.send([#"{"type":"forget","session":"anna"}"#])
        #expect(serve.readLine()?.contains(#""type":"forgotten""#) == true)
        let annas = before.subtracting(try sealedStates())
        #expect(annas.count == 1)
        for state in annas { #expect(occurrences(of: state) == 0, "no copy of her sealed state is left in the files") }
        serve.send([#"{"session":"bob1","text":"1"}"#])
        let other = serve.readLine() ?? ""
        #expect(other.contains(#""session":"bob1""#) && !other.contains(#""error""#))  // the others carry on
        try serve.closeInput()
        #expect(serve.waitForExit().status == 0)
    }

    @Test("--purge deletes the conversations idle longer than --forget-after hours")
    func purge() throws {
        let folder = try temporaryFolder("purge")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("s.sqlite").path
        let old = try ServeProcess(["--lang", "nl", "--now", "2026-01-01", "--store", store])
        old.send([#"{"session":"old","text":"hoi"}"#])
        try old.closeInput()
        #expect(old.readLines(1).count == 1)
        _ = old.waitForExit()
        // Noon on 1 January, purged at noon a day later.
        let purge = ["serve", "--store", store, "--now", "2026-01-02", "--purge", "--forget-after"]
        #expect(try gids(purge + ["25"]).output == "removed 0 conversations and 0 follow-ups\n")
        #expect(try gids(purge + ["23"]).output == "removed 1 conversation and 0 follow-ups\n")
    }

    @Test("gids reply answers one message from the same store, and two at once for one session are serialised")
    func replyCommand() throws {
        let folder = try temporaryFolder("reply")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("s.sqlite").path
        let options = serveOptions + ["--store", store]
        let sessions = (0..<6).map { "room:\($0)" }
        for session in sessions {
            #expect(try gids(["reply", "--session", session, "--text", "hoi"] + options).status == 0)
        }
        // Two "1"s at once: one chooses the check-in, the other answers its first question.
        let runs = sessions.flatMap { [$0, $0] }
        var results = [String](repeating: "", count: runs.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let shared = buffer
            DispatchQueue.concurrentPerform(iterations: runs.count) { index in
                let run = try? gids(["reply", "--session", runs[index], "--text", "1"] + options)
                shared[index] =
                    run.map { $0.status == 0 ? "ok" : "exit \($0.status): \($0.errorOutput) \($0.output.prefix(200))" }
                    ?? "did not run"
            }
        }
        #expect(results == Array(repeating: "ok", count: runs.count))
        for session in sessions {
            let next = try gids(["reply", "--session", session, "--text", "moe"] + options)
            #expect(next.output.contains("Heb je genoeg steun?"), "\(session): \(next.output.prefix(200))")
        }
        let plain = try gids(["reply", "--session", "p", "--text", "hoi", "--format", "plain"] + options)
        #expect(plain.output.hasSuffix("p\texpect\tchoice\n"))
    }

    @Test("the bash bridge talks to gids in the plain format")
    func bashBridge() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments =
            [repositoryRoot.appendingPathComponent("Examples/bridges/bash-bridge.sh").path, "--store", ":memory:"]
            + serveOptions
        process.environment = ProcessInfo.processInfo.environment.merging(["GIDS": gidsBinary.path]) { _, new in new }
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data("anna\thoi\nanna\t1\nanna\tEen lange\tdienst\nbob\tik wil dood\n".utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.contains("@anna:   1. Een korte check-in: drie vragen over je dag\n"))
        #expect(text.contains("@anna: Welke gebeurtenissen van vandaag zijn je bijgebleven?\n"))
        #expect(text.contains("@anna: Hoe voel je je (lichamelijk en mentaal)?\n"))
        #expect(text.contains("@bob: Ben je nu veilig?\n"))
        #expect(
            text.contains("@bob: [112]\n"), "the bridge marks the crisis answer where a real one shows a call button")
    }

    @Test("the Python bridge connects a chat room to gids and reaches out when a follow-up is due")
    func pythonBridge() throws {
        let folder = try temporaryFolder("python")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("s.sqlite").path
        func bridge(_ events: [String], day: String) throws -> [String] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [
                "python3", repositoryRoot.appendingPathComponent("Examples/bridges/chat_room_bridge.py").path, "--gids",
                gidsBinary.path,
                "--", "--store", store, "--lang", "nl", "--region", "nl", "--now", day,
            ]
            let input = Pipe()
            let output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            try process.run()
            input.fileHandleForWriting.write(Data((events.joined(separator: "\n") + "\n").utf8))
            try input.fileHandleForWriting.close()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            return text.split(separator: "\n").map(String.init)
        }
        let answers = ["hoi", "2", "4", "1", "1", "vandaag", "moe", "nee", "1", "1", "6", "2", "1", "3", "6", "2", "3"]
        let first = try bridge(
            answers.map { #"{"room":"!ic:example.org","sender":"@anna:example.org","body":"\#($0)"}"# },
            day: "2026-03-12")
        #expect(first.count == answers.count)
        #expect(first[0].contains(#""to": "@anna:example.org""#))
        let later = try bridge([#"{"reach_out": true}"#], day: "2026-03-27")
        #expect(later.count == 1)
        #expect(later.first?.contains("We spraken op 12 maart over iets ingrijpends dat je meemaakte") == true)
    }

    @Test(
        "gids load --save-lines writes its conversations as lines that gids serve answers, the crisis answer among them"
    )
    func loadLines() throws {
        let folder = try temporaryFolder("load-lines")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("lines.jsonl")
        #expect(try gids(["load", "--sessions", "8", "--save-lines", file.path]).status == 0)
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 50)  // two of each of the four conversations: 6 + 7 + 6 + 6 lines
        let served = try gids(
            ["serve", "--store", ":memory:"] + serveOptions, input: lines.joined(separator: "\n") + "\n")
        let replies = served.output.split(separator: "\n")
        #expect(replies.count == lines.count)
        #expect(!replies.contains { $0.contains(#""error""#) })
        #expect(replies.enumerated().allSatisfy { $0.element.contains(#""id":\#($0.offset)"#) })
        #expect(replies.contains { $0.contains("113") })  // the crisis line, for the session that speaks of suicide
    }

    @Test(
        "gids load measures both stores through a window of three lines: every turn answered, its figures printed",
        .timeLimit(.minutes(10)))
    func loadMeasures() throws {
        let run = try gids(["load", "--sessions", "20", "--window", "3", "--latency-lines", "10"])
        #expect(run.status == 0, "\(run.errorOutput)")
        let throughput = run.output.split(separator: "\n").filter { $0.contains("turns/s") }
        #expect(
            throughput.count == 2 && throughput.allSatisfy { $0.contains("125 turns in 20 sessions") }, "\(run.output)")
        #expect(run.output.components(separatedBy: "latency per line, one line at a time").count == 3)
    }
}

@Suite struct ServeIdentityTests {
    @Test("names equal as Swift strings but different bytes stay two conversations across 10,000 lines of gids serve")
    func equivalentNamesThroughThePipeline() throws {
        let names = ["A\u{30A}", "\u{C5}", "\u{212B}"].map { name in
            name.unicodeScalars.map { String(format: "\\u%04x", $0.value) }.joined()
        }
        var lines: [String] = []
        var expected: [(name: Int, marker: String)] = []
        var round = 0
        while lines.count < 10_000 {
            for (index, name) in names.enumerated() {
                let marker = "onderwerp\(index)x\(round)"
                for text in ["opnieuw", "1", marker, "moe", "ja"] {
                    lines.append(#"{"session":"\#(name)","text":"\#(text)","id":\#(lines.count)}"#)
                    expected.append((index, marker))
                }
            }
            round += 1
        }
        let folder = try temporaryFolder("identity")
        defer { try? FileManager.default.removeItem(at: folder) }
        let serve = try ServeProcess(serveOptions + ["--store", folder.appendingPathComponent("s.sqlite").path])
        // Written on another thread while the replies are read: both pipes have limits.
        let all = lines
        let writer = Thread {
            serve.send(all)
            try? serve.closeInput()
        }
        writer.start()
        let output = serve.readLines(lines.count + 1)
        #expect(output.count == lines.count)
        #expect(serve.waitForExit().status == 0)
        var crossTalk = 0
        for (reply, owner) in zip(output, expected) {
            // A reply mentions only its own session's words, never another's.
            for (index, _) in names.enumerated() where index != owner.name && reply.contains("onderwerp\(index)x") {
                crossTalk += 1
            }
            if reply.contains("Je noemde:"), !reply.contains("Je noemde: \(owner.marker).") { crossTalk += 1 }
        }
        #expect(crossTalk == 0)
        #expect(output.filter { $0.contains("Je noemde:") }.count == expected.count / 5)
    }
}

@Suite struct ServeStoreTests {
    @Test("gids serve keeps its sessions apart from a person's own memory: gids memory and gids forget do not see them")
    func separateStore() throws {
        let data = try temporaryFolder("apart")
        defer { try? FileManager.default.removeItem(at: data) }
        let serve = try gids(
            ["serve", "--data-dir", data.path] + serveOptions, input: #"{"session":"anna","text":"hoi"}"# + "\n")
        #expect(serve.status == 0)
        #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent("serve.sqlite").path))
        #expect(!FileManager.default.fileExists(atPath: data.appendingPathComponent("gids.sqlite").path))
        #expect(try gids(["memory", "--data-dir", data.path, "--lang", "nl"]).output == "Ik onthoud niets over je.\n")
        #expect(
            try gids(["forget", "--data-dir", data.path, "--lang", "nl"]).output
                == "gids onthoudt niets over je; er is niets te wissen.\n")
        #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent("serve.sqlite").path))
    }

    @Test("sessions an earlier gids kept in gids.sqlite are named to the operator, not silently left behind")
    func earlierStore() throws {
        let data = try temporaryFolder("earlier")
        defer { try? FileManager.default.removeItem(at: data) }
        let old = data.appendingPathComponent("gids.sqlite").path
        _ = try gids(["serve", "--store", old] + serveOptions, input: #"{"session":"anna","text":"hoi"}"# + "\n")
        let serve = try gids(["serve", "--data-dir", data.path] + serveOptions, input: #"{"type":"ping"}"# + "\n")
        #expect(serve.status == 0)
        #expect(
            serve.errorOutput.contains(
                "still holds the sessions of an earlier gids; to go on with those, pass --store \(old)"))
    }

    @Test("gids forget in a terminal asks first: 'nee' keeps everything, 'ja' deletes")
    func forgetAsks() throws {
        let data = try temporaryFolder("forget")
        defer { try? FileManager.default.removeItem(at: data) }
        _ = try gids(
            ["serve", "--store", data.appendingPathComponent("gids.sqlite").path] + serveOptions,
            input: #"{"type":"ping"}"# + "\n")
        let (status, text) = try python([
            repositoryRoot.appendingPathComponent("Tests/EndToEnd/forget_in_terminal.py").path, gidsBinary.path,
            data.path,
        ])
        #expect(status == 0, "\(text)\n(the terminal test needs python3 with pexpect; .ci/setup installs it)")
    }
}

@Suite struct ServeProtocolFaultTests {
    @Test(
        "a raw byte order mark is part of a session name, never dropped: two names, two conversations; before a key it is no id; a key written twice is refused"
    )
    func byteOrderMarksAndDuplicateKeys() throws {
        let serve = try ServeProcess(serveOptions + ["--store", ":memory:"])
        let bom = Data([0xEF, 0xBB, 0xBF])
        serve.sendRaw(Data(#"{"session":""#.utf8) + bom + Data(#"anna","text":"hoi","id":1}"#.utf8) + Data([0x0A]))
        serve.send([#"{"session":"anna","text":"1","id":2}"#])
        serve.sendRaw(Data(#"{""#.utf8) + bom + Data(#"id":3,"type":"ping"}"#.utf8) + Data([0x0A]))
        serve.send([#"{"id":5,"\u0069d":6,"type":"ping"}"#, #"{"\u0069d":7,"type":"ping"}"#])
        try serve.closeInput()
        let output = serve.readLines(6)
        #expect(output.count == 5)
        #expect(output[0].contains("\u{FEFF}anna"), "the name comes back as sent")
        #expect(output[1].contains("Ik ben gids") && output[1].contains(#""session":"anna""#), "anna starts her own")
        #expect(output[2] == #"{"type":"pong"}"#, "a key that is not 'id' is no id")
        #expect(
            output[3].contains(#""code":"duplicate_key""#) && output[3].contains("the key 'id' appears more than once"))
        #expect(output[4] == #"{"id":7,"type":"pong"}"#, "an id whose key is written with escapes is echoed as written")
        #expect(serve.waitForExit().status == 0)
    }

    @Test(
        "the plain format escapes control characters in what it echoes and leaves out a session name past 512 bytes, as JSON does"
    )
    func plainEchoes() throws {
        let long = String(repeating: "n", count: 60_000)
        let input = "a\u{1B}[2Jb\ttekst\nc\rd\ttekst\n\(long)\ttekst\n"
        let run = try gids(["serve", "--format", "plain", "--store", ":memory:"] + serveOptions, input: input)
        let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("a\\u001b[2Jb\terror\tinvalid_session\t"))
        #expect(lines[1].hasPrefix("c\\rd\terror\tinvalid_session\t"))
        #expect(lines[2].hasPrefix("\terror\tsession_too_long\t"))
        #expect(!run.output.utf8.contains(0x1B) && !run.output.utf8.contains(0x0D))
        #expect(run.output.utf8.count < 1_000)
    }

    @Test(
        "the metrics file's temporary file never follows a link: a link planted beside it leaves the store's key as it was"
    )
    func metricsIgnoresPlantedLinks() throws {
        let folder = try temporaryFolder("metrics-link")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("s.sqlite").path
        let metrics = folder.appendingPathComponent("gids.prom").path
        #expect(try gids(["serve", "--store", store] + serveOptions, input: #"{"type":"ping"}"# + "\n").status == 0)
        let key = try Data(contentsOf: URL(fileURLWithPath: store + ".key"))
        try FileManager.default.createSymbolicLink(atPath: metrics + ".tmp", withDestinationPath: store + ".key")
        let run = try gids(
            ["serve", "--store", store, "--metrics", metrics] + serveOptions, input: #"{"type":"ping"}"# + "\n")
        #expect(run.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: store + ".key")) == key)
        #expect(try FileManager.default.attributesOfItem(atPath: store + ".key")[.posixPermissions] as? Int == 0o600)
        #expect((try? String(contentsOfFile: metrics, encoding: .utf8))?.contains("gids_lines_total") == true)
    }

    @Test(
        "a reader that stops reading holds up the input, never the metrics file: it is written again every 5 seconds",
        .timeLimit(.minutes(10)))
    func stoppedReaderKeepsMetrics() throws {
        let folder = try temporaryFolder("stalled")
        defer { try? FileManager.default.removeItem(at: folder) }
        let metrics = folder.appendingPathComponent("gids.prom").path
        let serve = try ServeProcess(serveOptions + ["--store", ":memory:", "--metrics", metrics])
        // Far more than a pipe holds: the server's output stalls until the test reads it.
        let lines = (0..<400).map { #"{"session":"s\#($0)","text":"hoi"}"# }
        let writer = Thread {
            serve.send(lines)
            try? serve.closeInput()
        }
        writer.start()
        func written() -> Date? {
            try? FileManager.default.attributesOfItem(atPath: metrics)[.modificationDate] as? Date
        }
        // Waited for, not slept on: under a loaded test run the server may take seconds to start.
        func waitFor(seconds: TimeInterval, _ condition: () -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while !condition() {
                if Date() > deadline { return false }
                Thread.sleep(forTimeInterval: 0.2)
            }
            return true
        }
        #expect(waitFor(seconds: 30) { written() != nil }, "the metrics file was written")
        let stalled = written()
        #expect(
            waitFor(seconds: 16) { written() != stalled }, "the metrics file was written again while the output stalled"
        )
        #expect(serve.readLines(lines.count + 1).count == lines.count)
        #expect(serve.waitForExit().status == 0)
    }

    @Test("a non-blocking output that is full (EAGAIN) is waited for: every answer is written, and serve exits 0")
    func nonBlockingOutput() throws {
        let serve = try ServeProcess(
            executable: gidsBinary, arguments: ["serve", "--store", ":memory:"] + serveOptions, nonBlockingOutput: true)
        let lines = (0..<3_000).map { #"{"session":"s\#($0 % 300)","text":"hoi","id":\#($0)}"# }
        let writer = Thread {
            serve.send(lines)
            try? serve.closeInput()
        }
        writer.start()
        Thread.sleep(forTimeInterval: 1)
        let output = serve.readLines(lines.count + 1)
        #expect(output.count == lines.count)
        let exit = serve.waitForExit()
        #expect(exit.status == 0)
        #expect(exit.errors.isEmpty)
    }
}
