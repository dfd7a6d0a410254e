import Foundation

/// Measures how a person experiences starting gids: the time from starting the program
/// to the first line on screen, and the memory in use at the first prompt.
enum StartupBenchmark {
    struct Figures {
        var medianMilliseconds: Double
        var worstMilliseconds: Double
        var residentMegabytes: Double
    }

    /// Starts this same binary `runs` times as `gids chat` and measures each start.
    static func measure(runs: Int, dialogues: String) throws -> Figures {
        let binary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var times: [Double] = []
        var resident = 0.0
        for _ in 0..<runs {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["chat", "--lang", "nl", "--region", "nl", "--dialogues", dialogues, "--seed", "1"]
            let input = Pipe()
            let output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            let start = DispatchTime.now().uptimeNanoseconds
            try process.run()
            _ = output.fileHandleForReading.availableData  // blocks until the first output arrives
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            Thread.sleep(forTimeInterval: 0.02)  // the prompt: gids now waits for the person
            resident = max(resident, residentMegabytes(of: process.processIdentifier))
            try input.fileHandleForWriting.close()
            _ = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
        }
        times.sort()
        return Figures(
            medianMilliseconds: times[times.count / 2], worstMilliseconds: times.last ?? 0, residentMegabytes: resident)
    }

    /// VmRSS of a process, from /proc.
    private static func residentMegabytes(of pid: Int32) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kilobytes / 1024
    }
}
