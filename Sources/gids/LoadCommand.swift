import ArgumentParser
import Foundation

/// `gids load`: the load generator for `gids serve`. Replays realistic conversations for many
/// sessions at once through a real `gids serve` process and reports throughput, latency per
/// line and peak memory, for the SQLite store and for the in-memory one.
struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Measure gids serve: turns per second, latency per line and peak memory for many sessions.",
        discussion: "Run it on a release build: swift run -c release gids load"
    )

    @Option(parsing: .unconditional, help: "How many sessions talk at once.")
    var sessions = 10_000

    @Option(
        parsing: .unconditional,
        help: "How many lines may be waiting for their reply at any moment in the throughput run.")
    var window = 2_000

    @Option(parsing: .unconditional, help: "How many lines the latency run sends, one at a time.")
    var latencyLines = 3_000

    @Option(
        help: ArgumentHelp(
            "Write the lines the throughput run sends to this file and exit, to feed 'gids serve' directly or under a profiler.",
            valueName: "file"), completion: .file())
    var saveLines: String?

    /// The conversations: the check-in with its summary, the help map with a step, and the crisis answer.
    static let conversations: [[String]] = [
        ["hoi", "1", "Een lange nachtdienst met een overlijden", "moe", "gedeeltelijk", "2"],
        ["hoi", "3", "2", "1", "4", "2", "2"],
        ["hoi", "1", "De overdracht liep uit", "gespannen", "ja", "2"],
        ["hoi", "ik denk aan zelfmoord", "1", "1", "1", "Het ging wel"],
    ]

    func validate() throws {
        try OptionRange.require(sessions, atLeast: 1, for: "--sessions", unit: "session")
        try OptionRange.require(window, atLeast: 1, for: "--window", unit: "line")
        try OptionRange.require(latencyLines, atLeast: 1, for: "--latency-lines", unit: "line")
    }

    func run() throws {
        #if DEBUG
            print("note: this is a debug build; use 'swift run -c release gids load' for real figures")
        #endif
        if let saveLines {
            try Self.script(sessions: sessions).map { $0 + "\n" }.joined().write(
                toFile: saveLines, atomically: true, encoding: .utf8)
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gids-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for store in [folder.appendingPathComponent("gids.sqlite").path, ":memory:"] {
            let name = store == ":memory:" ? "in memory (--store :memory:)" : "SQLite (durable)"
            let load = try measure(store: store, sessions: sessions, window: window, limit: nil)
            print(
                String(
                    format:
                        "%@: %d turns in %d sessions, %.0f turns/s with %d lines in flight (p50 %.1f ms, p99 %.1f ms while queued), peak memory %.0f MB",
                    name, load.turns, sessions, load.turnsPerSecond, window, load.p50, load.p99, load.peakMegabytes))
            print(
                String(
                    format: "%@: CPU time per turn: server %.0f µs, this load generator %.0f µs (%d cores)",
                    name, load.serverCPU * 1e6 / Double(load.turns), load.generatorCPU * 1e6 / Double(load.turns),
                    ProcessInfo.processInfo.activeProcessorCount))
            let single = try measure(store: store, sessions: sessions, window: 1, limit: latencyLines)
            print(
                String(
                    format: "%@: latency per line, one line at a time: p50 %.2f ms, p99 %.2f ms", name, single.p50,
                    single.p99))
        }
    }

    struct Result {
        var turns: Int
        var turnsPerSecond: Double
        var p50: Double
        var p99: Double
        var peakMegabytes: Double
        /// Seconds of CPU time the server and the generator used (user and system).
        var serverCPU: Double
        var generatorCPU: Double
    }

    /// Seconds of CPU time used so far by this process, or by its children that have ended.
    private static func cpuSeconds(_ who: __rusage_who) -> Double {
        var usage = rusage()
        getrusage(who.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The request lines for `sessions` sessions, round-robin over the sessions so that every
    /// session has at most one line in flight per round; each line's `id` is its position.
    static func script(sessions: Int) -> [String] {
        var lines: [String] = []
        let longest = conversations.map(\.count).max() ?? 0
        for turn in 0..<longest {
            for session in 0..<sessions {
                let script = conversations[session % conversations.count]
                guard turn < script.count else { continue }
                lines.append(#"{"session":"load:\#(session)","text":"\#(script[turn])","id":\#(lines.count)}"#)
            }
        }
        return lines
    }

    private func measure(store: String, sessions: Int, window: Int, limit: Int?) throws -> Result {
        var lines = Self.script(sessions: sessions)
        if let limit { lines = Array(lines.prefix(limit)) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["serve", "--store", store, "--lang", "nl", "--region", "nl"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        let cpuBefore = (server: Self.cpuSeconds(RUSAGE_CHILDREN), generator: Self.cpuSeconds(RUSAGE_SELF))
        try process.run()

        let script = lines
        let sent = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: lines.count)
        defer { sent.deallocate() }
        let inFlight = Window(size: window)
        let start = DispatchTime.now().uptimeNanoseconds
        nonisolated(unsafe) let timestamps = sent
        let writer = Thread {
            var chunk: [UInt8] = []
            for (index, line) in script.enumerated() {
                if !inFlight.hasRoom(for: index) {
                    // Send what is waiting before blocking, or the replies that make room never come.
                    if !chunk.isEmpty { input.fileHandleForWriting.write(Data(chunk)) }
                    chunk = []
                    inFlight.waitForRoom(for: index)
                }
                timestamps[index] = DispatchTime.now().uptimeNanoseconds
                chunk += line.utf8
                chunk.append(0x0A)
                if chunk.count > 16_384 || index == script.count - 1 {
                    input.fileHandleForWriting.write(Data(chunk))
                    chunk = []
                }
            }
            try? input.fileHandleForWriting.close()
        }
        writer.start()

        // The generator shares the machine with the server: it reads replies without copying
        // them around, so that its own work takes as little as possible from the server.
        var latencies: [Double] = []
        latencies.reserveCapacity(lines.count)
        var peak = 0.0
        var buffer: [UInt8] = []
        var received = 0
        let replies = output.fileHandleForReading.fileDescriptor
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while received < lines.count {
            let count = read(replies, &chunk, chunk.count)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            buffer += chunk[0..<count]
            let now = DispatchTime.now().uptimeNanoseconds
            var lineStart = 0
            var answered = 0
            while let newline = buffer[lineStart...].firstIndex(of: 0x0A) {
                if let id = Self.id(in: buffer[lineStart..<newline]), id < lines.count {
                    latencies.append(Double(now - timestamps[id]) / 1e6)
                }
                lineStart = newline + 1
                answered += 1
            }
            received += answered
            inFlight.answered(answered)
            buffer.removeFirst(lineStart)
            if received % 5_000 < 100 { peak = max(peak, Self.residentMegabytes(of: process.processIdentifier)) }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        peak = max(peak, Self.peakMegabytes(of: process.processIdentifier))
        process.waitUntilExit()
        let generatorCPU = Self.cpuSeconds(RUSAGE_SELF) - cpuBefore.generator
        latencies.sort()
        return Result(
            turns: received, turnsPerSecond: Double(received) / seconds,
            p50: latencies.isEmpty ? 0 : latencies[latencies.count / 2],
            p99: latencies.isEmpty ? 0 : latencies[latencies.count * 99 / 100], peakMegabytes: peak,
            serverCPU: Self.cpuSeconds(RUSAGE_CHILDREN) - cpuBefore.server, generatorCPU: generatorCPU)
    }

    private static let idKey = Array(#""id":"#.utf8)

    /// The `"id":N` of a reply line.
    private static func id(in line: ArraySlice<UInt8>) -> Int? {
        guard let range = line.firstRange(of: idKey) else { return nil }
        var value = 0
        var index = range.upperBound
        while index < line.endIndex, let digit = Int(exactly: line[index]).map({ $0 - 48 }), (0...9).contains(digit) {
            value = value * 10 + digit
            index += 1
        }
        return value
    }

    private static func residentMegabytes(of pid: Int32) -> Double {
        field("VmRSS:", of: pid)
    }

    private static func peakMegabytes(of pid: Int32) -> Double {
        field("VmHWM:", of: pid)
    }

    private static func field(_ name: String, of pid: Int32) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }),
            let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kilobytes / 1024
    }
}

/// How many lines may wait for their reply: the writer waits for room, and the reader
/// makes room once per read of replies, not once per line (a wake-up per line cost the
/// generator as much CPU as a turn costs the server, on the cores the server uses too).
private final class Window: @unchecked Sendable {
    private let condition = NSCondition()
    private let size: Int
    private var answered = 0

    init(size: Int) {
        self.size = size
    }

    /// Whether line `line` (counted from 0) may be sent now.
    func hasRoom(for line: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return line - answered < size
    }

    /// Waits until line `line` may be sent.
    func waitForRoom(for line: Int) {
        condition.lock()
        while line - answered >= size { condition.wait() }
        condition.unlock()
    }

    /// `count` more lines were answered.
    func answered(_ count: Int) {
        condition.lock()
        answered += count
        condition.signal()
        condition.unlock()
    }
}
