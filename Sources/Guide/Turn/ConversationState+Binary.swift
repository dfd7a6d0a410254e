import DialogueRuntime

/// The compact binary form of a ``ConversationState``, as `gids serve` stores it after
/// every turn: several times cheaper than JSON, which was the largest cost of a turn.
/// The JSON (`Codable`) form stays for reading stores written before this form existed.
///
/// Layout (see ``BinaryWriter``): a version byte, the settings, the dialogue state (its own
/// binary form, length first), the prompt, the history (each moment as its own length-first
/// bytes, so it is read only when the person goes back) and the interrupted moment.
/// Version 1 wrote the history's moments inline, versions 1 and 2 had no hours kept,
/// versions 1 to 3 always had an event date, and versions 1 to 4 did not say for each talk
/// whether signals were asked and how many questions were skipped; all are still read.
extension ConversationState {
    /// The version of the layout; bump it (and keep reading the old one) when it changes.
    /// It is never `{`, so a stored state tells by its first byte whether it is JSON.
    static let binaryFormatVersion: UInt8 = 5

    /// The state in its compact binary form.
    public func binaryEncoded() -> [UInt8] {
        var writer = BinaryWriter()
        writer.byte(Self.binaryFormatVersion)
        writer.settings(settings)
        writer.optional(settings.keptHours) { $0.count($1) }
        if let bytes = moment.bytes { writer.verbatim(bytes) } else { writer.snapshot(currentMoment) }
        writer.array(history.encoded) { $0.blob($1) }
        writer.optional(interrupted) { $0.snapshot($1) }
        return writer.bytes
    }

    /// Reads a state written by ``binaryEncoded()``.
    /// - Throws: ``BinaryStateError`` when the bytes are not such a state.
    public init(binary bytes: [UInt8]) throws(BinaryStateError) {
        var reader = BinaryReader(bytes: bytes)
        let version = try reader.byte()
        guard (1...Self.binaryFormatVersion).contains(version) else { throw .unknownVersion }
        var settings = try reader.settings(version: version)
        if version >= 3 {
            settings.keptHours = try reader.optional { reader throws(BinaryStateError) in try reader.count() }
        }
        let (current, currentBytes) = try reader.withBytes { reader throws(BinaryStateError) in try reader.snapshot() }
        self.init(settings: settings, dialogue: current.dialogue)
        prompt = current.prompt
        moment = ReadMoment(bytes: currentBytes)
        history =
            version == 1
            ? SnapshotHistory(try reader.array { reader throws(BinaryStateError) in try reader.snapshot() })
            : SnapshotHistory(encoded: try reader.array { reader throws(BinaryStateError) in try reader.blob() })
        interrupted = try reader.optional { reader throws(BinaryStateError) in try reader.snapshot() }
        guard reader.isAtEnd else { throw .malformed }
    }
}

extension ConversationState.Snapshot {
    /// One moment in the binary form, as the history keeps it.
    func binaryEncoded() -> [UInt8] {
        var writer = BinaryWriter()
        writer.snapshot(self)
        return writer.bytes
    }

    /// Reads a moment written by ``binaryEncoded()``.
    init(binary bytes: [UInt8]) throws(BinaryStateError) {
        var reader = BinaryReader(bytes: bytes)
        self = try reader.snapshot()
        guard reader.isAtEnd else { throw .malformed }
    }
}

extension BinaryWriter {
    fileprivate mutating func settings(_ settings: ConversationSettings) {
        string(settings.language.rawValue)
        optional(settings.region) { $0.string($1.rawValue) }
        unsigned(settings.seed)
        day(settings.today)
        string(settings.schedule.rawValue)
        optional(settings.followUp) { writer, followUp in
            writer.optional(followUp.eventDate) { $0.day($1) }
            writer.string(followUp.eventKind)
            writer.bool(followUp.isPileUp)
            writer.string(followUp.schedule.rawValue)
            writer.array(followUp.talks) { writer, talk in
                writer.count(talk.number)
                writer.day(talk.date)
                writer.array(talk.signals) { $0.count($1) }
                writer.bool(talk.signalsAsked)
                writer.count(talk.skippedQuestions)
            }
            writer.bool(followUp.isClosed)
        }
        optional(settings.memoryLocation) { $0.string($1) }
        bool(settings.canWriteFiles)
    }

    fileprivate mutating func day(_ date: DayDate) { integer(date.daysSinceEpoch) }

    fileprivate mutating func snapshot(_ snapshot: ConversationState.Snapshot) {
        blob(snapshot.dialogue.binaryEncoded())
        let prompt = snapshot.prompt
        optional(prompt.question) { $0.markedUpText($1) }
        array(prompt.options) { $0.markedUpText($1) }
        string(prompt.expects.rawValue)
        array(prompt.optionIndices) { $0.count($1) }
        array(prompt.optionTags) { $0.array($1) { $0.string($1) } }
        optional(prompt.freeText) { writer, freeText in
            writer.count(freeText.option)
            writer.string(freeText.variable)
        }
        optional(prompt.textVariable) { $0.string($1) }
    }
}

extension BinaryReader {
    fileprivate mutating func settings(version: UInt8) throws(BinaryStateError) -> ConversationSettings {
        let language = try raw(Language.self)
        let region = try optional { reader throws(BinaryStateError) in try reader.raw(Region.self) }
        let seed = try unsigned()
        let today = try day()
        let schedule = try raw(FollowUpSchedule.self)
        let followUp = try optional { reader throws(BinaryStateError) in
            FollowUp(
                eventDate: version >= 4
                    ? try reader.optional { reader throws(BinaryStateError) in try reader.day() } : try reader.day(),
                eventKind: try reader.string(), isPileUp: try reader.bool(),
                schedule: try reader.raw(FollowUpSchedule.self),
                talks: try reader.array { reader throws(BinaryStateError) in
                    FollowUp.Talk(
                        number: try reader.count(), date: try reader.day(),
                        signals: try reader.array { reader throws(BinaryStateError) in try reader.count() },
                        signalsAsked: version >= 5 ? try reader.bool() : true,
                        skippedQuestions: version >= 5 ? try reader.count() : 0)
                },
                isClosed: try reader.bool())
        }
        let memoryLocation = try optional { reader throws(BinaryStateError) in try reader.string() }
        return ConversationSettings(
            language: language, region: region, seed: seed, today: today, schedule: schedule, followUp: followUp,
            memoryLocation: memoryLocation, canWriteFiles: try bool())
    }

    fileprivate mutating func day() throws(BinaryStateError) -> DayDate {
        let days = try integer()
        guard abs(days) < 3_000_000 else { throw .malformed }  // within the years 0 to 9999, give or take
        return DayDate(daysSinceEpoch: days)
    }

    fileprivate mutating func snapshot() throws(BinaryStateError) -> ConversationState.Snapshot {
        let dialogue = try DialogueState(binary: try blob())
        var prompt = ConversationState.Prompt()
        prompt.question = try optional { reader throws(BinaryStateError) in try reader.markedUpText() }
        prompt.options = try array { reader throws(BinaryStateError) in try reader.markedUpText() }
        prompt.expects = try raw(Reply.Expectation.self)
        prompt.optionIndices = try array { reader throws(BinaryStateError) in try reader.count() }
        prompt.optionTags = try array { reader throws(BinaryStateError) in
            try reader.array { reader throws(BinaryStateError) in try reader.string() }
        }
        prompt.freeText = try optional { reader throws(BinaryStateError) in
            ConversationState.Prompt.FreeText(option: try reader.count(), variable: try reader.string())
        }
        prompt.textVariable = try optional { reader throws(BinaryStateError) in try reader.string() }
        return ConversationState.Snapshot(dialogue: dialogue, prompt: prompt)
    }
}
