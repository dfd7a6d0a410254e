import ByteOutput
import Foundation
import Guide
import TextReading

/// The conversation in a terminal: show the guide's turn, read the person's answer, repeat
/// until the conversation ends or their input does (Ctrl-D ends politely, with the summary so
/// far), or a signal caught by ``Interruption`` stops it at once (Ctrl-C).
public struct ChatLoop<Session: DialogueSession> {
    /// The session (after ``run()``: as it ended).
    public private(set) var session: Session
    var reader: any LineReader
    let style: TerminalStyle
    let output = StandardOutput()
    /// Whether a person is typing at a terminal (then turns are spaced and a prompt shown).
    let isInteractive: Bool
    /// When set, the conversation is also written here as a transcript.
    var recording: Transcript?
    /// Carries out what the conversation asks for (remember, forget, write a file), and says
    /// what became of it.
    let perform: (Effect) -> EffectOutcome

    public init(
        session: Session, reader: any LineReader, style: TerminalStyle, isInteractive: Bool,
        recording: Transcript? = nil,
        perform: @escaping (Effect) -> EffectOutcome
    ) {
        self.session = session
        self.reader = reader
        self.style = style
        self.isInteractive = isInteractive
        self.recording = recording
        self.perform = perform
    }

    /// Runs the conversation; returns the transcript when recording.
    public mutating func run() -> Transcript? {
        var reply = session.finishing(session.start(), performing: perform)
        show(reply)
        while !reply.isFinished {
            let prompt = isInteractive ? "> " : ""
            let answer = Interruption.signal == nil ? reader.readLine(prompt: prompt) : nil
            if Interruption.signal != nil {
                recording?.entries.append(.interrupted)
                output.write("\n")
                break
            }
            guard let answer else {
                recording?.entries.append(.endOfInput)
                if isInteractive { output.write("\n") }
                reply = session.finishing(session.endOfInput(), performing: perform)
                show(reply)
                break
            }
            recording?.entries.append(.input(TextNormalizer.sanitized(answer)))
            reply = session.finishing(session.respond(to: answer), performing: perform)
            show(reply)
        }
        return recording
    }

    private mutating func show(_ reply: Reply) {
        for problem in reply.problems {
            FileHandle.standardError.write(Data("gids: \(problem)\n".utf8))
        }
        recording?.entries += PlainText.lines(for: reply).map(Transcript.Entry.guide)
        let lines = style.render(reply)
        output.write((isInteractive ? "\n" : "") + lines.joined(separator: "\n") + "\n")
        if !reply.effects.allSatisfy({ perform($0) == .done }) {
            show(session.effectFailed())
        }
    }
}
