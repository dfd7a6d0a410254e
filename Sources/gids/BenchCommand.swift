import ArgumentParser
import DialogueRuntime
import Foundation
import Guide
import YarnScript

/// `gids bench`: measures the engine and prints its figures next to the targets.
/// Run it on a release build: `swift run -c release gids bench`.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure compile speed, turn latency and state size.")

    @Option(help: "Conformance cases to include in the compile measurement.")
    var conformance: String?

    @Option(parsing: .unconditional, help: "Turns to measure.")
    var turns = 200_000

    func validate() throws {
        try OptionRange.require(turns, atLeast: 1, for: "--turns", unit: "turn")
    }

    func run() throws {
        #if DEBUG
            print("note: this is a debug build; use 'swift run -c release gids bench' for real figures")
        #endif
        try measureProjectCompile()
        measureLargeCompile()
        let state = measureTurns()
        try measureState(state)
        try measureSafetyNet()
        let startup = try StartupBenchmark.measure(runs: 20, dialogues: try DialogueLocation.defaultDirectory())
        print(
            String(
                format:
                    "start gids chat to first line on screen: median %.1f ms, slowest %.1f ms (target: under 50 ms)",
                startup.medianMilliseconds, startup.worstMilliseconds))
        print(
            String(
                format: "memory at the first prompt: %.1f MB resident (target: under 30 MB)", startup.residentMegabytes)
        )
    }

    private func measureProjectCompile() throws {
        var paths = [try DialogueLocation.defaultDirectory()]
        let cases =
            conformance
            ?? URL(fileURLWithPath: DialogueLocation.sourceRoot + "/../shared/yarn-testplans").standardized.path
        if FileManager.default.fileExists(atPath: cases) { paths.append(cases) }
        let files = Compiler.yarnFiles(in: paths)
        let sources = try files.map { path throws(Diagnostic) in try SourceFile.load(path: path) }
        let bytes = sources.reduce(0) { $0 + $1.text.utf8.count }
        let compiler = Compiler()
        let times = (0..<20).map { _ in Self.time { for source in sources { _ = compiler.compile([source]) } } }
        print(
            String(
                format: "compile Dialogues/ and conformance cases: %d files, %d bytes, median %.2f ms", files.count,
                bytes, Self.median(times) * 1000))
    }

    private func measureLargeCompile() {
        let script = BenchmarkScripts.large(bytes: 5 * 1024 * 1024)
        let source = SourceFile(path: "generated.yarn", text: script)
        var compilation: Compilation?
        let seconds = Self.time { compilation = Compiler().compile([source]) }
        let megabytes = Double(script.utf8.count) / 1_048_576
        let errors = compilation?.diagnostics.filter { $0.severity == .error }.count ?? 0
        print(
            String(
                format: "compile generated script: %.1f MB in %.2f s = %.1f MB/s (target: at least 5 MB/s)%@",
                megabytes, seconds, megabytes / seconds, errors > 0 ? " [\(errors) errors!]" : ""))
    }

    private func measureTurns() -> DialogueState {
        guard let program = Compiler().compile([SourceFile(path: "loop.yarn", text: BenchmarkScripts.loop)]).program
        else {
            print("the benchmark loop did not compile")
            return DialogueState()
        }
        let machine = VirtualMachine(program: program)
        var state = DialogueState()
        _ = machine.advance(&state, with: .start(node: HostNode.start.rawValue))
        var samples: [Double] = []
        samples.reserveCapacity(turns)
        var choice = 0
        for _ in 0..<turns {
            choice = (choice + 1) % 3
            let pick = choice == 2 && state.pendingOptions[2].isAvailable ? 2 : choice % 2
            let start = DispatchTime.now().uptimeNanoseconds
            let events = machine.advance(&state, with: .select(pick))
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
            precondition(!events.isEmpty)
        }
        samples.sort()
        print(
            String(
                format:
                    "one turn (choose an option, run to the next option set): median %.2f µs, p99 %.2f µs over %d turns (target: median under 10 µs)",
                samples[samples.count / 2], samples[samples.count * 99 / 100], turns))
        return state
    }

    private func measureState(_ state: DialogueState) throws {
        let encoder = JSONEncoder()
        let decoder = JSONDecoder()
        let binary = Self.medianMicroseconds { _ = try? DialogueState(binary: state.binaryEncoded()) }
        let json = Self.medianMicroseconds { _ = try? decoder.decode(DialogueState.self, from: encoder.encode(state)) }
        print(
            String(
                format:
                    "conversation state, binary (as stored): %d bytes, encode + decode median %.2f µs (targets: under 1 KB, under 20 µs)",
                state.binaryEncoded().count, binary))
        print(
            String(
                format: "conversation state, JSON (for debugging): %d bytes, encode + decode median %.2f µs",
                try encoder.encode(state).count, json))
    }

    /// The safety net on a typical answer, and on the longest message a bridge accepts with
    /// the risk in the middle (every sentence of it is read).
    private func measureSafetyNet() throws {
        let content = try GuideContent.load(from: try DialogueLocation.defaultDirectory())
        let typical = Self.medianMicroseconds {
            _ = content.safetyNet.assess("ik ben moe na een drukke dienst, maar het gaat wel")
        }
        let shift = "Vandaag was druk, twee opnames en een val op kamer 12. The handover took forever. "
        let filler = String(repeating: shift, count: 32 * 1024 / shift.utf8.count)
        let long = filler + "Eigenlijk wil ik gewoon niet meer leven. " + filler
        let times = (0..<10).map { _ in Self.time { _ = content.safetyNet.assess(long) } }
        print(
            String(
                format:
                    "safety net: a typical answer median %.1f µs; %d KiB with the risk in the middle median %.1f ms",
                typical, long.utf8.count / 1024, Self.median(times) * 1000))
    }

    static func medianMicroseconds(_ work: () -> Void) -> Double {
        var samples: [Double] = []
        for _ in 0..<20_000 {
            let start = DispatchTime.now().uptimeNanoseconds
            work()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
        }
        return median(samples)
    }

    static func time(_ work: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        work()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func median(_ values: [Double]) -> Double {
        values.sorted()[values.count / 2]
    }
}
