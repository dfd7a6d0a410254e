import Foundation
import Yams
import YarnScript

/// Reads directory and organisation files, reporting every problem with its position.
enum HelpDirectoryLoader {
    static func directory(text: String, file: String) throws(DiagnosticList) -> HelpDirectory {
        let reader = YAMLReader(file: file)
        let root = try reader.root(of: text)
        var region: Region?
        var steps: [HelpDirectory.Step] = []
        var entries: [HelpDirectory.Entry] = []
        var labels: [String: LocalizedText] = [:]
        var problems: [Diagnostic] = []
        for (key, keyNode, value) in try reader.mapping(root, what: "a directory file") {
            do throws(DiagnosticList) {
                switch key {
                case "region":
                    let code = try reader.string(value, what: "region")
                    guard let known = Region(rawValue: code) else {
                        throw DiagnosticList([reader.error(value, "unknown region '\(code)'; use nl or be")])
                    }
                    region = known
                case "labels":
                    for (name, _, text) in try reader.mapping(value, what: "labels") {
                        labels[name] = try reader.localized(text, what: "the label '\(name)'")
                    }
                case "steps":
                    for item in try reader.sequence(value, what: "steps") {
                        let fields = try Fields(reader: reader, node: item, what: "a step")
                        steps.append(
                            HelpDirectory.Step(number: try fields.integer("step"), title: try fields.localized("title"))
                        )
                    }
                case "entries":
                    entries = try self.entries(value, reader: reader, fromOrganisation: false)
                default:
                    throw DiagnosticList([
                        reader.error(keyNode, "unknown key '\(key)'; expected region, labels, steps or entries")
                    ])
                }
            } catch {
                problems += error.diagnostics
            }
        }
        if region == nil { problems.append(reader.error(root, "the directory needs 'region: nl' or 'region: be'")) }
        guard problems.isEmpty, let region else { throw DiagnosticList(problems) }
        let directory = HelpDirectory(
            region: region, steps: steps.sorted { $0.number < $1.number }, entries: entries, labels: labels)
        let misplaced = unknownSteps(in: entries, of: directory)
        guard misplaced.isEmpty else { throw DiagnosticList(misplaced) }
        return directory
    }

    static func organisation(text: String, file: String) throws(DiagnosticList) -> Organisation {
        let reader = YAMLReader(file: file)
        let root = try reader.root(of: text)
        var name: String?
        var entries: [HelpDirectory.Entry] = []
        var schedule: FollowUpSchedule?
        var problems: [Diagnostic] = []
        for (key, keyNode, value) in try reader.mapping(root, what: "an organisation file") {
            do throws(DiagnosticList) {
                switch key {
                case "organisation": name = try reader.string(value, what: "organisation")
                case "entries": entries = try self.entries(value, reader: reader, fromOrganisation: true)
                case "schedule":
                    let preset = try reader.string(value, what: "schedule")
                    guard let known = FollowUpSchedule(rawValue: preset) else {
                        throw DiagnosticList([
                            reader.error(
                                value,
                                "unknown schedule '\(preset)'; use \(FollowUpSchedule.allCases.map(\.rawValue).joined(separator: ", "))"
                            )
                        ])
                    }
                    schedule = known
                default:
                    throw DiagnosticList([
                        reader.error(keyNode, "unknown key '\(key)'; expected organisation, schedule or entries")
                    ])
                }
            } catch {
                problems += error.diagnostics
            }
        }
        if name == nil { problems.append(reader.error(root, "the organisation file needs 'organisation: <name>'")) }
        guard problems.isEmpty, let name else { throw DiagnosticList(problems) }
        return Organisation(name: name, entries: entries, schedule: schedule)
    }

    private static func entries(_ node: Node, reader: YAMLReader, fromOrganisation: Bool) throws(DiagnosticList)
        -> [HelpDirectory.Entry]
    {
        var entries: [HelpDirectory.Entry] = []
        var problems: [Diagnostic] = []
        var seen: [String: Int] = [:]
        for item in try reader.sequence(node, what: "entries") {
            do throws(DiagnosticList) {
                let fields = try Fields(reader: reader, node: item, what: "an entry")
                let id = try fields.string("id")
                if let line = seen[id] {
                    throw DiagnosticList([reader.error(item, "the id '\(id)' is already used on line \(line)")])
                }
                seen[id] = reader.location(of: item).line
                let entry = HelpDirectory.Entry(
                    id: id, step: try fields.optionalInteger("step"), name: try fields.localized("name"),
                    purpose: try fields.localized("for"), reach: try fields.localized("reach"),
                    hours: try fields.optionalLocalized("hours"), cost: try fields.optionalLocalized("cost"),
                    isAnonymous: try fields.optionalBool("anonymous") ?? false,
                    isCrisisLine: try fields.optionalBool("crisis") ?? false,
                    referralOrder: try fields.optionalInteger("referral"), isFromOrganisation: fromOrganisation,
                    location: reader.location(of: item))
                if entry.step == nil, !entry.isCrisisLine {
                    throw DiagnosticList([
                        reader.error(
                            item, "the entry '\(id)' needs a 'step' (1 to 5), or 'crisis: true' for a crisis line")
                    ])
                }
                try fields.rejectUnknown()
                entries.append(entry)
            } catch {
                problems += error.diagnostics
            }
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return entries
    }

    /// Entries on a step the directory does not define.
    static func unknownSteps(in entries: [HelpDirectory.Entry], of directory: HelpDirectory) -> [Diagnostic] {
        let known = Set(directory.steps.map(\.number))
        return entries.compactMap { entry in
            guard let step = entry.step, !known.contains(step) else { return nil }
            let range = known.isEmpty ? "" : "; steps go from \(known.min() ?? 1) to \(known.max() ?? 5)"
            return Diagnostic(
                .error, at: entry.location,
                "the entry '\(entry.id)' is on step \(step), which the \(directory.region.rawValue) directory does not define\(range)"
            )
        }
    }
}

/// The fields of one YAML mapping, read by name, with unknown names reported.
private struct Fields {
    let reader: YAMLReader
    let node: Node
    let what: String
    let values: [String: (keyNode: Node, value: Node)]
    static let known: Set<String> = [
        "id", "step", "name", "for", "reach", "hours", "cost", "anonymous", "crisis", "referral", "title",
    ]

    init(reader: YAMLReader, node: Node, what: String) throws(DiagnosticList) {
        self.reader = reader
        self.node = node
        self.what = what
        var values: [String: (Node, Node)] = [:]
        for (key, keyNode, value) in try reader.mapping(node, what: what) { values[key] = (keyNode, value) }
        self.values = values
    }

    func rejectUnknown() throws(DiagnosticList) {
        for (key, field) in values where !Self.known.contains(key) {
            throw DiagnosticList([
                reader.error(
                    field.keyNode,
                    "unknown field '\(key)' in \(what); expected \(Self.known.sorted().joined(separator: ", "))")
            ])
        }
    }

    private func required(_ key: String) throws(DiagnosticList) -> Node {
        guard let field = values[key] else { throw DiagnosticList([reader.error(node, "\(what) needs '\(key):'")]) }
        return field.value
    }

    func string(_ key: String) throws(DiagnosticList) -> String { try reader.string(try required(key), what: key) }
    func localized(_ key: String) throws(DiagnosticList) -> LocalizedText {
        try reader.localized(try required(key), what: key)
    }

    func optionalLocalized(_ key: String) throws(DiagnosticList) -> LocalizedText? {
        guard let field = values[key] else { return nil }
        return try reader.localized(field.value, what: key)
    }

    func integer(_ key: String) throws(DiagnosticList) -> Int {
        let value = try required(key)
        guard let number = value.int, (1...9).contains(number) else {
            throw DiagnosticList([reader.error(value, "\(key) must be a number from 1 to 9")])
        }
        return number
    }

    func optionalInteger(_ key: String) throws(DiagnosticList) -> Int? {
        values[key] == nil ? nil : try integer(key)
    }

    func optionalBool(_ key: String) throws(DiagnosticList) -> Bool? {
        guard let field = values[key] else { return nil }
        return try reader.bool(field.value, what: key)
    }
}
