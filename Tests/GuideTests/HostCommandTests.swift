import Testing

@testable import Guide

/// The commands gids carries out are named once for the virtual machine (which waits for
/// them) and read in one switch: the two must agree, or a command would run without the
/// dialogue waiting for it, or be waited for and refused.
@Suite struct HostCommandTests {
    @Test("every command name the machine waits for is one gids reads, with some arguments")
    func everyNameIsRead() {
        for name in HostCommand.names.sorted() {
            let forms = [name, "\(name) 1", "\(name) $antwoord", "\(name) today"]
            #expect(forms.contains { (try? HostCommand($0)) != nil }, "<<\(name)>> is not read in any form")
        }
    }

    @Test("a name that is not a command is refused with the nearest command's name")
    func unknownNameIsRefused() {
        #expect(throws: HostCommandError.self) { try HostCommand("crisis_line") }
        do {
            _ = try HostCommand("crisis_line")
        } catch {
            #expect(error.message.contains("crisis_lines"))
        }
    }

    @Test("only the commands that add lines are carried out by a node said on the side")
    func onlySays() throws {
        for text in ["help_map", "help_step 2", "help_referral", "crisis_lines", "talk_lines", "talk_lines today"] {
            let command = try HostCommand(text)
            #expect(command.onlySays, "<<\(text)>>")
        }
        for text in ["remember 1", "forget", "resume", "write_take_along", "end_follow_up", "ask $antwoord"] {
            let command = try HostCommand(text)
            #expect(!command.onlySays, "<<\(text)>>")
        }
    }
}
