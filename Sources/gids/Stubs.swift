import ArgumentParser
struct ChatCommand: ParsableCommand { static let configuration = CommandConfiguration(commandName: "chat"); func run() {} }
struct BenchCommand: ParsableCommand { static let configuration = CommandConfiguration(commandName: "bench"); func run() {} }
