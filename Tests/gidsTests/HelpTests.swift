import Foundation
import Testing

/// What `--help` says matches what each command does, and wrong command lines get a precise
/// answer: the real binary, as a person or an operator runs it.
@Suite struct HelpTests {
    /// The help screen of a command (`[]`: the root's).
    private func help(_ command: [String]) throws -> String {
        let run = try gids(command + ["--help"])
        #expect(run.status == 0, "\(run.errorOutput)")
        return run.output
    }

    /// The long options a help screen lists.
    private func options(_ command: [String]) throws -> Set<String> {
        let pattern = /(--[a-z][a-z-]*)/
        return Set(try help(command).matches(of: pattern).map { String($0.output.1) })
    }

    @Test("gids --help shows the options of gids chat, which gids alone runs, --seed and --record among them")
    func rootHelpShowsChatOptions() throws {
        let root = try help([])
        for option in ["--lang", "--region", "--org", "--data-dir", "--schedule", "--now", "--record", "--seed"] {
            #expect(root.contains(option), "gids --help lacks \(option)")
        }
        #expect(try gids(["help"]).output == root)
    }

    @Test(
        "each command lists only the options it uses, and refuses the others",
        arguments: [
            (["forget"], ["--schedule", "--org", "--region", "--now", "--record"]),
            (["memory"], ["--org", "--region", "--schedule", "--record"]),
            (["safety", "--explain", "hoi"], ["--data-dir", "--region", "--schedule", "--org", "--now", "--record"]),
            (["practice"], ["--data-dir", "--schedule"]),
        ])
    func optionsPerCommand(command: [String], meaningless: [String]) throws {
        let listed = try options(command)
        for option in meaningless {
            #expect(!listed.contains(option), "gids \(command[0]) --help lists \(option)")
            let run = try gids(command + [option, "x"])
            #expect(run.status == 64, "gids \(command[0]) \(option) was accepted")
            #expect(run.errorOutput.contains("Unknown option '\(option)'"))
        }
    }

    @Test("--region is offered only where a conversation shows help or crisis lines, and never says gids asks")
    func regionWhereItMatters() throws {
        for command in ["chat", "practice", "serve", "reply", "forget", "memory", "safety", "check", "test"] {
            let listed = try options([command]).contains("--region")
            #expect(listed == ["chat", "practice", "serve", "reply"].contains(command), "gids \(command)")
            #expect(!(try help([command])).contains("else asked"))
        }
    }

    @Test("every command that takes a language calls it --lang, strings and graph too")
    func langEverywhere() throws {
        for command in ["chat", "practice", "serve", "reply", "memory", "forget", "strings", "graph"] {
            let listed = try options([command])
            #expect(listed.contains("--lang"), "gids \(command)")
            #expect(!listed.contains("--language"), "gids \(command)")
        }
        let run = try gids(["strings", "Dialogues", "--lang", "en"])
        #expect(run.status == 0)
        #expect(run.output.contains("\nen,line:"))
    }

    @Test("gids check --help names the files it checks as they are: safety/*.yaml")
    func checkNamesTheFiles() throws {
        let text = try help(["check"]).replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "  +", with: " ", options: .regularExpression)
        #expect(text.contains("safety/*.yaml"))
        #expect(!text.contains(".txt"))
    }

    @Test("gids chat --help names every in-chat command of commands.yaml, vergeet mij too, and what is kept")
    func chatHelpNamesTheCommands() throws {
        let text = try help(["chat"]).replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "  +", with: " ", options: .regularExpression)
        let commands = try String(
            contentsOf: repositoryRoot.appendingPathComponent("Dialogues/commands.yaml"), encoding: .utf8)
        var kind = ""
        var words: [String: [String]] = [:]
        for line in commands.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("  #") {
            if !line.hasPrefix(" "), line.hasSuffix(":") { kind = String(line.dropLast()) }
            if line.hasPrefix("  "), let list = line.split(separator: "[").last {
                words[kind, default: []] += list.dropLast().split(separator: ",").map {
                    $0.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\"")))
                }
            }
        }
        #expect(words.count == 6)
        for (kind, names) in words {
            #expect(names.contains { text.contains($0) }, "chat --help names no word for \(kind): \(names)")
        }
        #expect(text.contains("vergeet mij"))
        #expect(!text.contains("nothing is kept"))
        #expect(text.contains("--seed"))
        #expect(text.contains("gids memory"))
    }

    @Test("a number out of range is refused with its range, not taken for a missing value")
    func rangeErrors() throws {
        for (arguments, message) in [
            (["serve", "--forget-after", "-3"], "--forget-after must be 1 hour or more, not -3"),
            (["serve", "--max-line", "0"], "--max-line must be 1 byte or more, not 0"),
            (["load", "--sessions", "-1"], "--sessions must be 1 session or more, not -1"),
        ] {
            let run = try gids(arguments)
            #expect(run.status == 64, "\(arguments)")
            #expect(run.errorOutput.contains(message), "\(run.errorOutput)")
            #expect(!run.errorOutput.contains("Missing value"))
        }
    }

    @Test("gids practise, the spelling of the app's own English menu, is gids practice")
    func practiseIsPractice() throws {
        let spelt = try gids(["practise", "--lang", "en", "--explain", "How are you feeling?"])
        #expect(spelt.status == 0, "\(spelt.errorOutput)")
        #expect(spelt.output == (try gids(["practice", "--lang", "en", "--explain", "How are you feeling?"])).output)
    }

    @Test("an unknown command is named as one, with the command probably meant, not taken for chat")
    func unknownCommand() throws {
        let bogus = try gids(["bogus"])
        #expect(bogus.status == 64)
        #expect(bogus.errorOutput.contains("'bogus' is not a gids command; the commands are chat, practice, serve"))
        #expect(!bogus.errorOutput.contains("gids chat"))
        let typo = try gids(["conformence", "x"])
        #expect(typo.errorOutput.contains("(did you mean 'conformance'?)"))
    }

    @Test("gids conformance on a folder that is not there, or holds no cases, says so and exits 66")
    func conformanceWithoutCases() throws {
        let missing = try gids(["conformance", "/nonexistent"])
        #expect(missing.status == 66)
        #expect(missing.errorOutput.contains("/nonexistent is not a folder"))
        #expect(!missing.output.contains("0 passed"))
        let empty = try temporaryFolder("conformance")
        defer { try? FileManager.default.removeItem(at: empty) }
        let none = try gids(["conformance", empty.path])
        #expect(none.status == 66)
        #expect(none.errorOutput.contains("holds no cases"))
    }

    @Test("gids test names a transcript that is not there, and says what it needs where there are none")
    func testWithoutTranscripts() throws {
        let missing = try gids(["test", "/nonexistent.transcript"])
        #expect(missing.status == 66)
        #expect(missing.errorOutput.contains("/nonexistent.transcript is not there"))
        #expect(!missing.output.contains("NSCocoaErrorDomain"))
        let folder = try temporaryFolder("installed")
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try copyOfDialogues(in: folder)
        let none = try gids(["test", "--dialogues", content.path])
        #expect(none.status == 66)
        #expect(none.errorOutput.contains("name the transcripts to replay"))
    }

    @Test("the documentation no longer says that nothing is stored, beside the consented memory it describes")
    func noClaimThatNothingIsStored() throws {
        for page in ["README.md", "docs/using.md"] {
            let text = try String(contentsOf: repositoryRoot.appendingPathComponent(page), encoding: .utf8)
            #expect(!text.contains("Nothing is stored"), "\(page)")
        }
    }
}
