import Foundation
import Testing

/// The manuals in docs/man, which `make install` installs: they document every option of the
/// program as it is, what an operator needs beyond the options, and read cleanly with man.
@Suite struct ManualTests {
    private static let manualFolder = repositoryRoot.appendingPathComponent("docs/man")

    private func page(_ name: String) throws -> String {
        try String(contentsOf: Self.manualFolder.appendingPathComponent(name), encoding: .utf8)
    }

    /// Every command and the long options its help shows, from the program itself.
    private func optionsByCommand() throws -> [String: [String]] {
        struct Dump: Decodable {
            struct Name: Decodable {
                let kind: String
                let name: String
            }
            struct Argument: Decodable {
                let names: [Name]?
                let shouldDisplay: Bool
            }
            struct Command: Decodable {
                let commandName: String
                let arguments: [Argument]?
                let subcommands: [Command]?
            }
            let command: Command
        }
        let run = try gids(["--experimental-dump-help"])
        let dump = try JSONDecoder().decode(Dump.self, from: Data(run.output.utf8))
        var options: [String: [String]] = [:]
        for command in dump.command.subcommands ?? [] where command.commandName != "help" {
            options[command.commandName] = (command.arguments ?? []).filter(\.shouldDisplay).flatMap { argument in
                (argument.names ?? []).filter { $0.kind == "long" && !["help", "version"].contains($0.name) }.map(
                    \.name)
            }
        }
        return options
    }

    @Test("gids(1) and gids-serve(1) name every command and every option the program shows in its help")
    func everyOption() throws {
        let manuals = try optionsByCommand()
        #expect(manuals.count >= 14)
        for (command, options) in manuals {
            let manual = try page(["serve", "reply"].contains(command) ? "gids-serve.1" : "gids.1")
            #expect(manual.contains("gids \(command)") || manual.contains("gids\\-\(command)"), "\(command)")
            for option in options {
                let written = "\\-\\-" + option.replacingOccurrences(of: "-", with: "\\-")
                #expect(manual.contains(written), "the manual of gids \(command) lacks --\(option)")
            }
        }
    }

    @Test("gids(1) documents the in-chat commands, the crisis lines, files, environment and exit status")
    func operatorSections() throws {
        let manual = try page("gids.1")
        for section in ["IN\\-CHAT COMMANDS", "CRISIS LINES", "FILES", "ENVIRONMENT", "EXIT STATUS", "WHAT GIDS KEEPS"]
        {
            #expect(manual.contains(".SH \(section)"), "\(section)")
        }
        for variable in ["GIDS_DIALOGUES", "GIDS_NOW", "GIDS_LOG_LEVEL", "NO_COLOR", "XDG_DATA_HOME", "GIDS_CORPORA"] {
            #expect(manual.contains(".B \(variable)"), "\(variable)")
        }
        for number in ["113", "0800\\-0113", "1813", "106", "112"] { #expect(manual.contains(number), "\(number)") }
        for word in ["vergeet mij", "terug", "opnieuw", "hulp", "crisis", "Ctrl\\-C", "Ctrl\\-D"] {
            #expect(manual.contains(word), "\(word)")
        }
        let serve = try page("gids-serve.1")
        for section in ["THE LINE PROTOCOL", "SIGNALS", "EXIT STATUS", "WHAT IT KEEPS"] {
            #expect(serve.contains(".SH \(section)"), "\(section)")
        }
    }

    @Test(
        "man --warnings reads both manuals without a warning",
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: "/usr/bin/man"),
            "needs man (man-db); .ci/setup installs it"))
    func manWarnings() throws {
        for name in ["gids.1", "gids-serve.1"] {
            let run = try runProgram(
                URL(fileURLWithPath: "/usr/bin/man"),
                ["--warnings", "-l", Self.manualFolder.appendingPathComponent(name).path],
                environment: ["MANWIDTH": "80", "MANPAGER": "cat", "PAGER": "cat"])
            #expect(run.status == 0)
            #expect(run.errorOutput.isEmpty, "\(name): \(run.errorOutput)")
            #expect(run.output.contains("EXIT STATUS"))
        }
    }
}
