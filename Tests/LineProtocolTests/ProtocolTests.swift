import Foundation
import Guide
import LineProtocol
import SessionStore
import Testing

@Suite struct ProtocolTests {
    @Test("the first message of an unknown session starts the default dialogue, and its id is echoed")
    func firstMessage() throws {
        let server = try ServerHarness()
        let reply = object(server.send(#"{"session":"matrix:@anna:example.org","text":"hoi","id":7}"#)[0])
        #expect(reply["session"] as? String == "matrix:@anna:example.org")
        #expect(reply["id"] as? Int == 7)
        #expect(reply["expect"] as? String == "choice")
        #expect(reply["done"] as? Bool == false)
        let options = reply["options"] as? [[String: Any]] ?? []
        #expect(options.first?["n"] as? Int == 1)
        #expect(options.first?["text"] as? String == "Een korte check-in: drie vragen over je dag")
        let next = object(server.send(#"{"session":"matrix:@anna:example.org","text":"1","id":"b"}"#)[0])
        #expect(next["expect"] as? String == "text")
        #expect(next["id"] as? String == "b")
        #expect(
            (next["messages"] as? [[String: Any]])?.last?["text"] as? String
                == "Welke gebeurtenissen van vandaag zijn je bijgebleven?")
    }

    @Test(
        "an id comes back exactly as it was sent: text with its escapes, whole numbers of any size, fractions as written",
        arguments: [
            (#""b7""#, #""id":"b7""#), ("7", #""id":7"#), ("-3", #""id":-3"#), ("2.5", #""id":2.5"#),
            ("2.50", #""id":2.50"#),
            ("1e3", #""id":1e3"#), ("9007199254740993", #""id":9007199254740993"#),
            ("123456789012345678901234567890", #""id":123456789012345678901234567890"#),
            (#""é\/x""#, #""id":"é\/x""#),
        ])
    func idEchoed(id: String, echoed: String) throws {
        let reply = try ServerHarness().send(
            #"{"type":"ping","id":\#(id)}"#, #"{"session":"s","text":"hoi","id":\#(id)}"#)
        #expect(reply.allSatisfy { $0.contains(echoed) }, "\(reply.map { $0.prefix(60) })")
    }

    @Test("an id over 256 bytes is refused with a clear error, and a byte order mark before a line is no part of it")
    func idLimitsAndBOM() throws {
        let server = try ServerHarness()
        let long = String(repeating: "x", count: 257)
        let refused = object(server.send(#"{"type":"ping","id":"\#(long)"}"#)[0])
        #expect((refused["error"] as? [String: Any])?["code"] as? String == "id_too_long")
        #expect(server.send(#"{"type":"ping","id":"\#(String(repeating: "x", count: 256))"}"#)[0].contains("pong"))
        let marked = server.server.handle([.line([0xEF, 0xBB, 0xBF] + Array(#"{"type":"ping","id":4.10}"#.utf8))])[0]
        #expect(server.text(of: marked) == #"{"id":4.10,"type":"pong"}"#)
    }

    @Test("a crisis phrase in the very first message gets the crisis answer at once")
    func crisisFirst() throws {
        let reply = try ServerHarness().send(#"{"session":"s","text":"ik wil niet meer leven"}"#)[0]
        #expect(reply.contains("113 Zelfmoordpreventie"))
        #expect(reply.contains("Ben je nu veilig?"))
    }

    @Test("a crisis phrase in the middle of a conversation gets the same answer as in the terminal")
    func crisisLater() throws {
        let server = try ServerHarness()
        _ = server.send(#"{"session":"s","text":"hoi"}"#, #"{"session":"s","text":"1"}"#)
        let reply = server.send(#"{"session":"s","text":"I want to kill myself"}"#)[0]
        #expect(reply.contains("113 Zelfmoordpreventie"))
    }

    @Test("replies tell the bridge what the safety net did: crisis, check, or nothing")
    func safetyField() throws {
        let server = try ServerHarness()
        #expect(
            object(server.send(#"{"session":"a","text":"ik wil niet meer leven"}"#)[0])["safety"] as? String == "crisis"
        )
        let check = object(server.send(#"{"session":"b","text":"ik zie het niet meer zitten"}"#)[0])
        #expect(check["safety"] as? String == "check")
        #expect(
            (check["messages"] as? [[String: Any]])?.last?["text"] as? String
                == "Denk je eraan om een eind aan je leven te maken, of om jezelf of iemand anders iets aan te doen?")
        #expect(object(server.send(#"{"session":"b","text":"ja"}"#)[0])["safety"] as? String == "crisis")
        #expect(
            object(
                server.send(#"{"session":"c","text":"mijn collega staat op het dak en zegt dat ze wil springen"}"#)[0])[
                    "safety"] as? String == "crisis")
        let patient = object(
            server.send(#"{"session":"d","text":"een patiënt heeft zich vannacht van het leven beroofd"}"#)[0])
        #expect(patient["safety"] == nil)
        #expect(
            (patient["messages"] as? [[String: Any]])?.first?["text"] as? String == "Dat is heftig om mee te maken.")
        #expect(!server.send(#"{"session":"e","text":"hoi"}"#)[0].contains("safety"))
        let plain = try ServerHarness(format: .plain).send("f\tik wil dood")[0].split(separator: "\n")
        #expect(plain.first == "f\tsafety\tcrisis")
        #expect(plain.last == "f\texpect\tchoice")
    }

    @Test("markup reaches the bridge as attributes")
    func attributes() throws {
        let server = try ServerHarness()
        _ = server.send(#"{"session":"s","text":"hoi"}"#)
        let reply = object(server.send(#"{"session":"s","text":"3"}"#)[0])
        let messages = reply["messages"] as? [[String: Any]] ?? []
        let bold = messages.compactMap { $0["attributes"] as? [[String: Any]] }.flatMap { $0 }.first
        #expect(bold?["name"] as? String == "b")
        #expect(bold?["position"] as? Int == 0)
    }

    @Test(
        "the same line sent again (same id) gets the same answer; the same id with other text is refused; neither moves the conversation"
    )
    func repeatedLine() throws {
        let server = try ServerHarness()
        _ = server.send(#"{"session":"s","text":"hoi","id":1}"#)
        let first = server.send(#"{"session":"s","text":"1","id":2}"#)
        let state = try server.storedState(of: "s")
        #expect(server.send(#"{"session":"s","text":"1","id":2}"#) == first)
        #expect(try server.storedState(of: "s") == state)
        let reused = object(server.send(#"{"session":"s","text":"ruzie met Piet","id":2}"#)[0])
        #expect((reused["error"] as? [String: Any])?["code"] as? String == "id_reused")
        #expect(reused["id"] as? Int == 2)
        #expect(try server.storedState(of: "s") == state)
        #expect(
            server.send(#"{"session":"s","text":"1","id":2}"#) == first,
            "the line itself sent again still gets its answer")
        #expect(
            server.send(#"{"session":"s","text":"ruzie met Piet","id":3}"#)[0].contains("Hoe voel je je"),
            "with an id of its own it is answered")
    }

    @Test("'vergeet mij' in a chat deletes the session and all it remembered, says so, and the next line starts afresh")
    func forgetMe() throws {
        let server = try ServerHarness()
        _ = server.send(
            #"{"session":"s","text":"hoi"}"#, #"{"session":"s","text":"1"}"#,
            #"{"session":"s","text":"ruzie met Piet"}"#)
        #expect(try server.storedState(of: "s") != nil)
        let reply = object(server.send(#"{"session":"s","text":"vergeet mij","id":9}"#)[0])
        #expect(
            (reply["messages"] as? [[String: Any]])?.first?["text"] as? String
                == "Gewist: dit gesprek en alles wat gids over je onthield. Wil je later weer praten, begin dan gewoon opnieuw."
        )
        #expect(reply["done"] as? Bool == true)
        #expect(try server.storedState(of: "s") == nil)
        let again = server.send(#"{"session":"s","text":"hoi"}"#)[0]
        #expect(again.contains("Een korte check-in") && !again.contains("Piet"))
    }

    @Test("start chooses language and region; reset starts again; forget deletes the session")
    func controls() throws {
        let server = try ServerHarness()
        let start = server.send(
            #"{"type":"start","session":"s","lang":"en","region":"be","dialogue":"chat","org":"voorbeeld","id":"x"}"#)[
                0]
        #expect(
            start.contains("What would help most right now?") || start.contains("What would you like to do?")
                || start.contains("Where would you like to start?"))
        _ = server.send(#"{"session":"s","text":"3"}"#)
        #expect(
            server.send(#"{"session":"s","text":"6"}"#)[0].contains(
                "Would you like to pick one next step for yourself?"))
        let reset = server.send(#"{"type":"reset","session":"s"}"#)[0]
        #expect(reset.contains("I'm not a therapist"))
        #expect(
            server.send(#"{"type":"forget","session":"s","id":3}"#)[0] == #"{"id":3,"session":"s","type":"forgotten"}"#)
        #expect(try server.storedState(of: "s") == nil)
        #expect(server.send(#"{"type":"ping"}"#)[0] == #"{"type":"pong"}"#)
        #expect(object(server.send(#"{"type":"stats","id":"n"}"#)[0])["sessions"] as? Int == 0)
    }

    @Test("conversations idle longer than the hours kept are deleted while the server runs; the others stay")
    func retention() throws {
        try withStoreFile { path in
            _ = try ServerHarness(path: path, day: "2026-03-11").send(#"{"session":"old","text":"hoi"}"#)
            _ = try ServerHarness(path: path, day: "2026-03-12").send(#"{"session":"recent","text":"hoi"}"#)
            let server = try ServerHarness(path: path, day: "2026-03-12")  // 12 hours kept: a day is too long
            _ = server.send(#"{"session":"new","text":"hoi"}"#)
            #expect(try server.storedState(of: "old") == nil)
            #expect(try server.storedState(of: "recent") != nil)
            #expect(try server.storedState(of: "new") != nil)
        }
    }

    @Test("an ended conversation keeps no state, only its last reply for a line sent again, and that for minutes")
    func endedConversation() throws {
        let clock = MovableClock(ISO8601DateFormatter().date(from: "2026-03-12T12:00:00Z")!)
        let server = try ServerHarness(path: ":memory:", clock: clock.now)
        var last = ""
        for (turn, text) in ["hoi", "1", "een lange dag", "stop"].enumerated() {
            last = server.send(#"{"session":"s","text":"\#(text)","id":\#(turn)}"#)[0]
        }
        #expect(object(last)["done"] as? Bool == true)
        #expect(last.contains("Wat je typte, wis ik binnen een kwartier."))
        #expect(try server.storedState(of: "s") == Data(), "no state is kept")
        #expect(
            server.send(#"{"session":"s","text":"stop","id":3}"#)[0] == last,
            "the last line sent again gets the same reply")
        #expect(object(server.send(#"{"type":"stats"}"#)[0])["sessions"] as? Int == 0)
        clock.advance(by: Double(SweepLimits.replayMinutes) * 60 - 1)
        _ = server.send(#"{"session":"other","text":"hoi"}"#)
        #expect(try server.storedState(of: "s") != nil)
        clock.advance(by: 61)
        _ = server.send(#"{"session":"other","text":"1"}"#)
        #expect(try server.storedState(of: "s") == nil, "gone within a quarter of an hour, as the goodbye says")
        #expect(
            server.send(#"{"session":"s","text":"hoi","id":4}"#)[0].contains("Ik ben gids"),
            "a new message starts a new conversation")
    }

    @Test("session keys are stored only as keyed hashes")
    func pseudonymised() throws {
        try withStoreFile { path in
            let server = try ServerHarness(path: path)
            _ = server.send(#"{"session":"matrix:@anna.de.vries:example.org","text":"hoi"}"#)
            var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            if let wal = try? Data(contentsOf: URL(fileURLWithPath: path + "-wal")) { bytes += wal }
            #expect(!String(decoding: bytes, as: UTF8.self).contains("anna.de.vries"))
            #expect(
                (try FileManager.default.attributesOfItem(atPath: path + ".key")[.posixPermissions] as? Int) == 0o600)
        }
    }

    @Test("a consented follow-up makes the session 'due' when its next talk is due, and 'start' opens that talk")
    func dueSessions() throws {
        try withStoreFile { path in
            let dayZero = try ServerHarness(path: path, day: "2026-03-12")
            let answers = [
                "hoi", "2", "4", "1", "1", "vandaag", "moe", "nee", "1", "1", "6", "2", "1", "3", "6", "2", "3",
            ]
            for (index, answer) in answers.enumerated() {
                let reply = dayZero.send(#"{"session":"team:42","text":"\#(answer)"}"#)[0]
                // Consent: said kept only once it is in the session's record, committed with the reply.
                if index == 12 { #expect(reply.contains("Goed. Ik onthoud alleen dat."), "\(reply)") }
            }
            _ = dayZero.send(#"{"session":"team:43","text":"hoi"}"#)
            #expect(dayZero.send(#"{"type":"due"}"#)[0] == #"{"sessions":[],"type":"due"}"#)
            let later = try ServerHarness(path: path, day: "2026-03-27")
            #expect(later.send(#"{"type":"due","id":1}"#)[0] == #"{"id":1,"sessions":["team:42"],"type":"due"}"#)
            #expect(
                later.send(#"{"type":"start","session":"team:42"}"#)[0].contains(
                    "We spraken op 12 maart over iets ingrijpends dat je meemaakte. Zullen we nu het tweede gesprek doen?"
                ))
        }
    }

    @Test("a bridge cannot write files, so the summary is offered on screen only")
    func noFilesThroughBridge() throws {
        let server = try ServerHarness()
        let answers = ["hoi", "2", "4", "1", "1", "vandaag", "moe", "nee", "1", "1", "6", "2", "2", "3", "6"]
        for answer in answers { _ = server.send(#"{"session":"s","text":"\#(answer)"}"#) }
        let offer = object(server.send(#"{"session":"s","text":"2"}"#)[0])
        let options = (offer["options"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        #expect(options == ["Ja, op het scherm", "Nee, dank je"])
        #expect(server.send(#"{"session":"s","text":"1"}"#)[0].contains("Samenvatting van gids"))
    }
}

@Suite struct BadInputTests {
    static let cases: [(String, String, String)] = [
        ("invalid JSON", #"{"session":"a","text":"#, "invalid_json"),
        ("a JSON array", #"[1,2,3]"#, "not_an_object"),
        ("a JSON number", "42", "not_an_object"),
        ("a JSON string", #""hoi""#, "not_an_object"),
        ("JSON null", "null", "not_an_object"),
        ("missing session", #"{"text":"hoi","id":1}"#, "missing_session"),
        ("empty session", #"{"session":"","text":"hoi","id":1}"#, "empty_session"),
        ("a number as session", #"{"session":5,"text":"hoi","id":1}"#, "session_not_string"),
        ("null as session", #"{"session":null,"text":"hoi","id":1}"#, "session_not_string"),
        ("an object as session", #"{"session":{"a":1},"text":"hoi","id":1}"#, "session_not_string"),
        (
            "a session of 100 KB",
            #"{"session":""# + String(repeating: "x", count: 100_000) + #"","text":"hoi","id":1}"#, "session_too_long"
        ),
        ("a control character in the session", #"{"session":"a\nb","text":"hoi","id":1}"#, "invalid_session"),
        ("missing text", #"{"session":"a","id":1}"#, "missing_text"),
        ("a number as text", #"{"session":"a","text":5,"id":1}"#, "text_not_string"),
        ("an array as text", #"{"session":"a","text":["hoi"],"id":1}"#, "text_not_string"),
        (
            "text that is too long", #"{"session":"a","text":""# + String(repeating: "x", count: 9000) + #"","id":1}"#,
            "text_too_long"
        ),
        ("NUL in text", #"{"session":"a","text":"ho\u0000i","id":1}"#, "text_has_nul"),
        ("an escape sequence in text", #"{"session":"a","text":"\u001b[2Jhoi","id":1}"#, "text_has_escape_sequence"),
        ("an unknown type", #"{"type":"dance","session":"a","id":1}"#, "unknown_type"),
        ("a number as type", #"{"type":3,"session":"a","id":1}"#, "invalid_type"),
        ("an unknown dialogue", #"{"type":"start","session":"a","dialogue":"poker","id":1}"#, "unknown_dialogue"),
        ("an unknown language", #"{"type":"start","session":"a","lang":"fr","id":1}"#, "unknown_language"),
        ("an unknown region", #"{"type":"start","session":"a","region":"de","id":1}"#, "unknown_region"),
        ("an unknown org profile", #"{"type":"start","session":"a","org":"elders","id":1}"#, "unknown_org"),
        ("a boolean as id", #"{"session":"a","text":"hoi","id":true}"#, "invalid_id"),
        ("an object as id", #"{"session":"a","text":"hoi","id":{"n":1}}"#, "invalid_id"),
        ("an empty line", "", "empty_line"),
        ("a line of spaces", "   \t ", "empty_line"),
        ("garbage after the object", #"{"session":"a","text":"hoi"} en meer"#, "invalid_json"),
        ("a raw NUL byte", "{\"session\":\"a\",\"text\":\"h\u{0}i\"}", "invalid_json"),
        (
            "deeply nested JSON", String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
            "invalid_json"
        ),
    ]

    @Test("each kind of bad line gets exactly one error line, with its id, and no session changes", arguments: cases)
    func badLine(name: String, line: String, code: String) throws {
        let server = try ServerHarness()
        _ = server.send(#"{"session":"other","text":"hoi"}"#, #"{"session":"other","text":"1"}"#)
        let before = try server.storedState(of: "other")
        let output = server.send(line)
        #expect(output.count == 1, "\(name)")
        let error = object(output[0])
        #expect(error["type"] as? String == "error", "\(name)")
        #expect((error["error"] as? [String: Any])?["code"] as? String == code, "\(name): \(output[0].prefix(300))")
        if line.contains(#""id":1"#) { #expect(error["id"] as? Int == 1, "\(name)") }
        #expect(try server.storedState(of: "other") == before, "\(name)")
        #expect(try server.storedState(of: "a") == nil, "\(name)")
        #expect(
            server.send(#"{"session":"other","text":"Een drukke dag"}"#)[0].contains(
                "Hoe voel je je (lichamelijk en mentaal)?"), "\(name)")
    }

    @Test("bytes that are not UTF-8 get an error line")
    func invalidUTF8() throws {
        let server = try ServerHarness()
        let output = server.server.handle([.line([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D])])
        #expect(server.text(of: output[0]).contains("invalid_utf8"))
    }

    @Test("a crisis phrase is answered even when the text also holds forbidden characters")
    func crisisWithEscape() throws {
        let reply = try ServerHarness().send(#"{"session":"a","text":"\u001b[31mik wil dood"}"#)[0]
        #expect(reply.contains("Ben je nu veilig?"))
    }
}

@Suite struct InputLinesTests {
    @Test("lines are split on newlines, CRLF endings are accepted, and lines may arrive in pieces")
    func splitting() {
        var lines = InputLines(maximumLength: 100)
        #expect(lines.feed(Array("ab\r\ncd\nef".utf8)) == [.line(Array("ab".utf8)), .line(Array("cd".utf8))])
        #expect(lines.feed(Array("g\n".utf8)) == [.line(Array("efg".utf8))])
        #expect(lines.finish() == [])
    }

    @Test("a line over the limit (a 10 MB line) is skipped with one error, and the next line is read normally")
    func tooLong() {
        var lines = InputLines(maximumLength: 65_536)
        var items: [InputLines.Item] = []
        let huge = [UInt8](repeating: 0x61, count: 10 * 1024 * 1024)
        for start in stride(from: 0, to: huge.count, by: 65_536) {
            items += lines.feed(huge[start..<min(start + 65_536, huge.count)])
        }
        items += lines.feed(Array("\nok\n".utf8))
        #expect(items.count == 2)
        if case .failed(let error) = items[0] {
            #expect(error.code == .lineTooLong)
        } else {
            Issue.record("expected an error")
        }
        #expect(items[1] == .line(Array("ok".utf8)))
    }

    @Test("the limit holds exactly, however the bytes arrive: a line of the limit is read, one byte more is not")
    func limitBoundary() {
        let exact = Array(repeating: UInt8(ascii: "a"), count: 10)
        for pieceSize in [1, 3, 64] {
            var lines = InputLines(maximumLength: 10)
            let input = exact + Array("\n".utf8) + exact + Array("a\nb\r\n".utf8)
            let items = stride(from: 0, to: input.count, by: pieceSize).flatMap {
                lines.feed(input[$0..<min($0 + pieceSize, input.count)])
            }
            let tooLong = ProtocolError(
                .lineTooLong, "the line is longer than 10 bytes and was skipped (see --max-line)")
            #expect(items == [.line(exact), .failed(tooLong), .line(Array("b".utf8))], "pieces of \(pieceSize)")
        }
    }

    @Test("input that ends in the middle of a line is reported")
    func truncated() {
        var lines = InputLines(maximumLength: 100)
        #expect(lines.feed(Array("{\"session\":".utf8)) == [])
        #expect(lines.finish() == [.failed(ProtocolError(.truncatedLine, "the input ended in the middle of a line"))])
    }

    @Test(
        "the plain format escapes tabs, newlines and backslashes both ways, and ends every reply with one expect or error line"
    )
    func plain() throws {
        let parser = RequestParser(profiles: [], format: .plain)
        let request = try parser.parse(Array("anna\tik ben\\tmoe\\n".utf8)[...]).get()
        #expect(request.action == .conversation(session: "anna", .message(text: "ik ben\tmoe\n")))
        #expect(request.id == nil)
        if case .failure(let failure) = parser.parse(Array("no tab here".utf8)[...]) {
            #expect(failure.error.code == .missingTab)
        } else {
            Issue.record("expected an error")
        }
        let lines = try ServerHarness(format: .plain).send("anna\thoi")[0].split(separator: "\n")
        #expect(lines.last == "anna\texpect\tchoice")
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("anna\tmessage\t") || $0.hasPrefix("anna\toption\t") })
        #expect(lines.filter { $0.contains("\texpect\t") || $0.contains("\terror\t") }.count == 1)
    }
}

@Suite struct SessionIdentityTests {
    @Test("names that are different bytes but the same Swift string are two people, with two conversations")
    func equivalentNamesInOneBatch() throws {
        let precomposed = "jos\u{E9}"
        let decomposed = "jose\u{301}"
        #expect(precomposed == decomposed, "Swift compares strings by canonical equivalence")
        let server = try ServerHarness()
        let replies = server.send(
            #"{"session":"jos\u00e9","text":"hoi"}"#, #"{"session":"jos\u00e9","text":"1"}"#,
            #"{"session":"jos\u00e9","text":"ruzie met Piet"}"#, #"{"session":"jose\u0301","text":"hoi"}"#,
            #"{"session":"jose\u0301","text":"1"}"#)
        #expect(Array((object(replies[3])["session"] as? String ?? "").utf8) == Array(decomposed.utf8))
        #expect(replies[3].contains("Een korte check-in"), "the second name starts a conversation of its own")
        #expect(replies[4].contains("Welke gebeurtenissen van vandaag zijn je bijgebleven?"))
        let later = server.send(
            #"{"session":"jose\u0301","text":"een rustige dag"}"#, #"{"session":"jose\u0301","text":"moe"}"#,
            #"{"session":"jose\u0301","text":"ja"}"#)
        #expect(!later.joined().contains("Piet"), "nothing of the first name's conversation reaches the second")
        #expect(later.last?.contains("Je noemde: een rustige dag.") == true)
    }
}
