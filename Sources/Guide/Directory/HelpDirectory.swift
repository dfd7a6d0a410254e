import YarnScript

/// Where help is, for one region: the steps of stepped care and the services on each,
/// from `Dialogues/directory/<region>.yaml`, optionally completed by an organisation's file.
///
/// The whole map is always shown, and the person chooses (BRIEF §5).
public struct HelpDirectory: Sendable {
    /// A step of stepped care, from self-care (1) to specialised care (5).
    public struct Step: Sendable {
        public var number: Int
        public var title: LocalizedText
    }

    /// One place to turn to.
    public struct Entry: Sendable {
        public var id: String
        /// The step it belongs to; nil for lines that are only for a crisis (112).
        public var step: Int?
        public var name: LocalizedText
        /// What it is for.
        public var purpose: LocalizedText
        /// How to reach it.
        public var reach: LocalizedText
        public var hours: LocalizedText?
        public var cost: LocalizedText?
        public var isAnonymous: Bool
        /// Shown in the crisis answer.
        public var isCrisisLine: Bool
        /// Its place (1 first) among the ways to professional help with trauma expertise,
        /// shown when the referral rule advises it (`referral:` in the file); nil for the others.
        public var referralOrder: Int?
        /// Provided by the person's organisation (from `--org`).
        public var isFromOrganisation: Bool
        /// Where the entry was written, for diagnostics.
        var location: SourceLocation
    }

    public var region: Region
    public var steps: [Step]
    public var entries: [Entry]
    /// Words used when showing entries, such as "anonymous".
    public var labels: [String: LocalizedText]

    /// What the directory has no text for in `language` (an entry's name, a step's title), in
    /// a few words for an operator; nil when every text is there.
    public func firstMissingText(in language: Language) -> String? {
        if let step = steps.first(where: { !$0.title.isWritten(in: language) }) {
            return "the title of step \(step.number)"
        }
        for entry in entries {
            let texts = [entry.name, entry.purpose, entry.reach] + [entry.hours, entry.cost].compactMap { $0 }
            if !texts.allSatisfy({ $0.isWritten(in: language) }) {
                return "the entry '\(entry.id)' (\(entry.location.file):\(entry.location.line))"
            }
        }
        return labels.sorted { $0.key < $1.key }.first { !$0.value.isWritten(in: language) }.map {
            "the label '\($0.key)'"
        }
    }

    /// The entries of one step, the organisation's own first.
    public func entries(onStep number: Int) -> [Entry] {
        entries.filter { $0.step == number }.sorted { $0.isFromOrganisation && !$1.isFromOrganisation }
    }

    /// The ways to professional help with trauma expertise, in their order (the GP, the usual
    /// way in, first), the organisation's own first where the order is equal.
    public var referralRoute: [Entry] {
        entries.filter { $0.referralOrder != nil }.sorted {
            ($0.referralOrder ?? 0, $0.isFromOrganisation ? 0 : 1) < (
                $1.referralOrder ?? 0, $1.isFromOrganisation ? 0 : 1
            )
        }
    }

    /// The lines for a crisis, the organisation's 24/7 contact first.
    public var crisisLines: [Entry] {
        entries.filter(\.isCrisisLine).sorted { $0.isFromOrganisation && !$1.isFromOrganisation }
    }

    /// This directory with an organisation's entries added; an entry with the id of a
    /// national one replaces it (and keeps its `referral` place unless it names its own).
    public func adding(_ organisation: Organisation) -> HelpDirectory {
        var result = self
        for entry in organisation.entries {
            if let index = result.entries.firstIndex(where: { $0.id == entry.id }) {
                // The organisation's own trauma support keeps the national entry's place on the way to referral.
                var replacement = entry
                replacement.referralOrder = entry.referralOrder ?? result.entries[index].referralOrder
                result.entries[index] = replacement
            } else {
                result.entries.append(entry)
            }
        }
        return result
    }
}

/// An organisation's own contacts and settings, from the file given with `--org`.
public struct Organisation: Sendable {
    public var name: String
    public var entries: [HelpDirectory.Entry]
    /// The follow-up schedule the organisation uses, if it chose one.
    public var schedule: FollowUpSchedule?
}
