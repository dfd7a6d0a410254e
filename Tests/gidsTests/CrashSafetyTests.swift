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

    @Test(
        "200 sessions survive at least 20 kill -9s and end exactly as an uninterrupted run, with 1 or 3 lines of each session in flight",
        arguments: [1, 3])
    func killNine(linesInFlight: Int) throws {
        let folder = try temporaryFolder("crash")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("s.sqlite").path
        let expected = try Self.run(store: ":memory:", linesInFlight: linesInFlight, killAfter: { nil })
        var generator = SystemRandomNumberGenerator()
        var kills = 0
        let interrupted = try Self.run(store: store, linesInFlight: linesInFlight) {
            kills += 1
            return Int.random(in: 5...60, using: &generator)
        }
        let differing = expected.filter { interrupted[$0.key] != $0.value }.map(\.key)
        print(
            "crash safety, \(linesInFlight) in flight: \(kills - 1) kill -9s, \(Self.scripts.joined().count) turns in 200 sessions, sessions that differ: \(differing.count)"
        )
        #expect(kills - 1 >= 20)
        #expect(interrupted.count == 200)
        #expect(differing.isEmpty, "sessions that differ after the kills: \(differing.sorted().prefix(10))")
    }

    @Test("the same two lines of one session sent again (after a crash, say) get the same two replies and move nothing")
    func twoLinesSentAgain() throws {
        let folder = try temporaryFolder("resend")
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = [#"{"session":"a","text":"hoi","id":1}"#, #"{"session":"a","text":"1","id":2}"#]
        let arguments = ["serve", "--store", folder.appendingPathComponent("s.sqlite").path] + Self.options
        let first = try gids(arguments, input: lines.joined(separator: "\n") + "\n")
        let again = try gids(arguments, input: lines.joined(separator: "\n") + "\n")
        #expect(first.status == 0 && again.status == 0)
        #expect(again.output == first.output)
        let next = try gids(arguments, input: #"{"session":"a","text":"Een drukke dag","id":3}"# + "\n")
        #expect(next.output.contains("Hoe voel je je (lichamelijk en mentaal)?"), "the conversation moved once")
    }

    /// Drives every script to its end with up to `linesInFlight` lines of each session sent
    /// before their replies are read, as a bridge may. `killAfter` gives how many replies to read
    /// before the next kill -9 (nil: never); after a kill, every line not yet answered is sent again.
    static func run(store: String, linesInFlight: Int, killAfter: () -> Int?) throws -> [String: [String]] {
        var next = [Int](repeating: 0, count: scripts.count)
        var outstanding = [[Int]](repeating: [], count: scripts.count)
        var replies: [String: [String]] = [:]
        var serve = try ServeProcess(options + ["--store", store])
        var budget = killAfter()
        while next.enumerated().contains(where: { $0.element < scripts[$0.offset].count })
            || outstanding.contains(where: { !$0.isEmpty })
        {
            var lines: [String] = []
            for session in scripts.indices {
                while outstanding[session].count < linesInFlight && next[session] < scripts[session].count {
                    outstanding[session].append(next[session])
                    next[session] += 1
                }
                for turn in outstanding[session] {
                    let text = scripts[session][turn].replacingOccurrences(of: "\"", with: "\\\"")
                    lines.append(#"{"session":"s\#(session)","text":"\#(text)","id":"\#(session)-\#(turn)"}"#)
                }
            }
            serve.send(lines)
            var received = 0
            while received < lines.count {
                if let limit = budget, limit <= 0 {
                    serve.kill()
                    serve = try ServeProcess(options + ["--store", store])
                    budget = killAfter()
                    break  // send again what is still outstanding
                }
                guard let line = serve.readLine(within: 60) else {
                    Issue.record("gids serve stopped answering")
                    return replies
                }
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    let id = object["id"] as? String
                else { break }
                let parts = id.split(separator: "-").compactMap { Int($0) }
                let (session, turn) = (parts[0], parts[1])
                if outstanding[session].first == turn {
                    var reply = object
                    reply["id"] = nil
                    replies["s\(session)", default: []].append(
                        String(
                            decoding: try JSONSerialization.data(withJSONObject: reply, options: [.sortedKeys]),
                            as: UTF8.self))
                    outstanding[session].removeFirst()
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
