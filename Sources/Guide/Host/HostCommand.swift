import DialogueRuntime
import YarnScript

/// A command the dialogue gives gids (`<<crisis_lines>>`, `<<remember 1>>`), read from its
/// words once: by `gids check` where it is written (``contract``), and when it runs.
///
/// gids waits for each command, so what a command sets is there for the lines after it;
/// `ask` waits for the person's text.
public enum HostCommand: Equatable, Sendable {
    /// `<<ask $variable>>`: the person's next message, as typed, into a string variable.
    case ask(variable: String)
    /// `<<help_map>>`: the whole map of help, every step.
    case helpMap
    /// `<<help_step N>>`: one step of the map.
    case helpStep(Int)
    /// `<<help_referral>>`: the way to professional help.
    case helpReferral
    /// `<<crisis_lines>>`: the region's crisis lines, completed by the ones compiled into gids.
    case crisisLines
    /// `<<read_event_date>>`: `$datum_tekst` read as the day of the event.
    case readEventDate
    /// `<<evaluate_signals>>`: the referral rule applied to this talk's signals.
    case evaluateSignals
    /// `<<remember N>>`: keeps the follow-up after talk N (1 to 3), with consent.
    case remember(talk: Int)
    /// `<<forget>>`: forgets the follow-up.
    case forget
    /// `<<take_along>>`: prepares the summary to take along.
    case takeAlong
    /// `<<talk_lines>>`, `<<talk_lines today>>`: the earlier talks, and today's with `today`.
    case talkLines(includingToday: Bool)
    /// `<<end_follow_up>>`: ends the follow-up after the last talk.
    case endFollowUp
    /// `<<write_take_along>>`: saves the summary to take along as a file.
    case writeTakeAlong
    /// `<<debrief>>`: practice's debrief of the trainee's moves.
    case debrief
    /// `<<resume>>`: back to where the crisis answer interrupted.
    case resume

    /// Whether the command only adds lines to what is said (the help map, crisis lines, the
    /// talks so far): the commands a node said on the side carries out (see
    /// ``Conversation/say(_:)``); the others would move the conversation.
    var onlySays: Bool {
        switch self {
        case .helpMap, .helpStep, .helpReferral, .crisisLines, .talkLines: true
        default: false
        }
    }

    /// Every command's name, as written after `<<`.
    public static let names: Set<String> = [
        "ask", "help_map", "help_step", "help_referral", "crisis_lines", "read_event_date", "evaluate_signals",
        "remember", "forget", "take_along", "talk_lines", "end_follow_up", "write_take_along", "debrief", "resume",
    ]

    /// The contract the compiler checks gids's dialogues against: every command is one of
    /// these, with the arguments it needs, and `ask` names a declared string variable.
    public static let contract = CommandContract(names: names) { words, variables in
        do throws(HostCommandError) {
            guard case .ask(let variable)? = try read(words) else { return nil }
            guard variables[variable] == .string else {
                return "<<ask \(variable)>> needs a declared string variable"
                    + Suggestions.hint(for: variable, in: variables.filter { $0.value == .string }.keys)
            }
            return nil
        } catch {
            return error.message
        }
    }

    /// Reads a command as it runs.
    public init(_ text: String) throws(HostCommandError) {
        let words = text.split(whereSeparator: \.isWhitespace).map { String($0) }
        guard let command = try Self.read(words) else { throw HostCommandError(message: "<<\(text)>> is incomplete") }
        self = command
    }

    /// Reads a command's words. A nil word (an inline expression, known only when the command
    /// runs) is taken on trust, and the command it belongs to is then nil.
    private static func read(_ words: [String?]) throws(HostCommandError) -> HostCommand? {
        guard let first = words.first else { throw HostCommandError(message: "<<>> is not a command") }
        guard let name = first else {
            throw HostCommandError(message: "gids cannot check a command whose name is an inline expression")
        }
        let arguments = Array(words.dropFirst())
        func none(_ command: HostCommand) throws(HostCommandError) -> HostCommand {
            guard arguments.isEmpty else { throw HostCommandError(message: "<<\(name)>> takes no arguments") }
            return command
        }
        func number(_ range: ClosedRange<Int>, _ usage: String) throws(HostCommandError) -> Int? {
            guard arguments.count == 1 else { throw HostCommandError(message: usage) }
            guard let word = arguments[0] else { return nil }
            guard let number = Int(word), range.contains(number) else { throw HostCommandError(message: usage) }
            return number
        }
        switch name {
        case "ask":
            let usage = "<<ask>> needs one variable, like <<ask $answer>>"
            guard arguments.count == 1 else { throw HostCommandError(message: usage) }
            guard let variable = arguments[0] else { return nil }
            guard variable.hasPrefix("$") else { throw HostCommandError(message: usage) }
            return .ask(variable: variable)
        case "help_step":
            return try number(1...Int.max, "<<help_step>> needs a step number, like <<help_step 2>>").map {
                .helpStep($0)
            }
        case "remember":
            return try number(1...3, "<<remember>> needs the talk number, 1 to 3, like <<remember 1>>").map {
                .remember(talk: $0)
            }
        case "talk_lines":
            switch arguments {
            case []: return .talkLines(includingToday: false)
            case ["today"]: return .talkLines(includingToday: true)
            default: throw HostCommandError(message: "<<talk_lines>> takes nothing or 'today'")
            }
        case "help_map": return try none(.helpMap)
        case "help_referral": return try none(.helpReferral)
        case "crisis_lines": return try none(.crisisLines)
        case "read_event_date": return try none(.readEventDate)
        case "evaluate_signals": return try none(.evaluateSignals)
        case "forget": return try none(.forget)
        case "take_along": return try none(.takeAlong)
        case "end_follow_up": return try none(.endFollowUp)
        case "write_take_along": return try none(.writeTakeAlong)
        case "debrief": return try none(.debrief)
        case "resume": return try none(.resume)
        default:
            throw HostCommandError(
                message: "'\(name)' is not a command gids carries out\(Suggestions.hint(for: name, in: names))")
        }
    }
}
