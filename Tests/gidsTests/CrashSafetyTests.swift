import Foundation
import Testing

/// `kill -9` at random moments loses no acknowledged turn: every session continues after its
/// last reply that was written, and resending an unanswered line (same id) is safe.
@Suite struct CrashSafetyTests {
    static let options = ["--lang", "nl", "--region", "nl", "--now", "2026-03-12"]

    /// 200 sessions, each with its own scripted conversation through the check-in, the help
    /// map, the crisis answer and the commands.
    static let scripts: [[String]] = (0..<200).map { number in
        let paths: [[String]] = [
            ["hoi", "1", "Een drukke dag \(number)", "moe", "ja", "2"],
            ["hoi", "3", "\(number % 5 + 1)", "1", "2", "6", "2"],
            ["hoi", "1", "Nachtdienst", "9", "leeg", "nee", "1", "2", "1", "de huisarts", "morgen"],
            ["hoi", "ik wil dood", "1", "1", "1", "Het ging", "terug", "Het ging beter", "2", "3", "2"],
            ["hoi", "4", "1", "2", "3", "6", "2"],
        ]
        return paths[number % paths.count]
    }

    @Test("200 sessions survive at least 20 kill -9s and end exactly as an uninterrupted run")
    func killNine() throws {
        let folder = try temporaryFolder("crash")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("s.sqlite").path
        let expected = try Self.run(store: ":memory:", killAfter: { nil })
        var generator = SystemRandomNumberGenerator()
        var kills = 0
        let interrupted = try Self.run(store: store) {
            kills += 1
            return Int.random(in: 5...60, using: &generator)
        }
        print(
            "crash safety: \(kills - 1) kill -9s, \(Self.scripts.joined().count) turns in 200 sessions, transcripts identical: \(interrupted == expected)"
        )
        #expect(kills - 1 >= 20)
        #expect(interrupted.count == 200)
        for (session, replies) in expected where interrupted[session] != replies {
            Issue.record("session \(session) differs after the kills")
        }
    }

    /// Drives every script to its end, one outstanding line per session, like bridges do.
    /// `killAfter` gives how many replies to read before the next kill -9 (nil: never).
    static func run(store: String, killAfter: () -> Int?) throws -> [String: [String]] {
        var next = [Int](repeating: 0, count: scripts.count)
        var outstanding = [Int?](repeating: nil, count: scripts.count)
        var replies: [String: [String]] = [:]
        var serve = try ServeProcess(options + ["--store", store])
        var budget = killAfter()
        while next.enumerated().contains(where: { $0.element < scripts[$0.offset].count }) {
            var lines: [String] = []
            for session in scripts.indices where outstanding[session] == nil && next[session] < scripts[session].count {
                outstanding[session] = next[session]
            }
            for session in scripts.indices {
                guard let turn = outstanding[session] else { continue }
                let text = scripts[session][turn].replacingOccurrences(of: "\"", with: "\\\"")
                lines.append(#"{"session":"s\#(session)","text":"\#(text)","id":"\#(session)-\#(turn)"}"#)
            }
            serve.send(lines)
            var received = 0
            while received < lines.count {
                if let limit = budget, limit <= 0 {
                    serve.kill()
                    serve = try ServeProcess(options + ["--store", store])
                    budget = killAfter()
                    break  // resend what is still outstanding
                }
                guard let line = serve.readLine(),
                    let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    let id = object["id"] as? String
                else { break }
                let parts = id.split(separator: "-").compactMap { Int($0) }
                let (session, turn) = (parts[0], parts[1])
                if outstanding[session] == turn {
                    var reply = object
                    reply["id"] = nil
                    replies["s\(session)", default: []].append(
                        String(
                            decoding: try JSONSerialization.data(withJSONObject: reply, options: [.sortedKeys]),
                            as: UTF8.self))
                    outstanding[session] = nil
                    next[session] = turn + 1
                }
                received += 1
                if let limit = budget { budget = limit - 1 }
            }
        }
        try serve.closeInput()
        _ = serve.waitForExit()
        return replies
    }
}
