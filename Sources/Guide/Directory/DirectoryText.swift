import DialogueRuntime

/// Lays out help-directory entries as lines; every word comes from the directory files.
///
/// Directory text is shown as written (a bracket in it is not markup), so the lines are
/// built with their bold spans directly rather than through the markup parser.
struct DirectoryText {
    /// The region's directory, or every region's when the region is not known yet.
    let directories: [HelpDirectory]
    let language: Language

    /// Every step with the names on it, then the lines open day and night: the whole map.
    /// With no region known yet, each region's map comes under its own heading. Names are
    /// joined with semicolons, as a name may hold a comma ("je leidinggevende, als jij dat wilt").
    func map() -> [MarkedUpText] {
        directories.flatMap { directory in
            var lines = heading(of: directory)
            lines += directory.steps.map { step in
                let names = directory.entries(onStep: step.number).map { Self.inList($0.name.text(in: language)) }
                    .joined(separator: "; ")
                var line = Line()
                line.bold("\(step.number). \(step.title.text(in: language))")
                line.plain(": \(names)")
                return line.markedUp
            }
            if let always = directory.labels["always"], !directory.crisisLines.isEmpty {
                var line = Line()
                line.bold(always.text(in: language))
                line.plain(": " + directory.crisisLines.map { $0.name.text(in: language) }.joined(separator: "; "))
                lines.append(line.markedUp)
            }
            return lines
        }
    }

    /// A name as an item in a running list: its capital dropped, unless its first word is an
    /// abbreviation ("POH-GGZ", "CAW").
    private static func inList(_ name: String) -> String {
        let firstWord = name.prefix { !$0.isWhitespace }
        let letters = firstWord.filter(\.isLetter)
        guard letters.count < 2 || !letters.allSatisfy(\.isUppercase) else { return name }
        return name.prefix(1).lowercased() + name.dropFirst()
    }

    /// The details of every entry on one step (under each region's heading when no region is known yet).
    func step(_ number: Int) -> [MarkedUpText] {
        directories.flatMap { directory -> [MarkedUpText] in
            guard let step = directory.steps.first(where: { $0.number == number }) else { return [] }
            var title = Line()
            title.bold(step.title.text(in: language))
            return heading(of: directory) + [title.markedUp]
                + directory.entries(onStep: number).map { describe($0, in: directory) }
        }
    }

    /// The ways to professional help with trauma expertise, when the referral rule advises it.
    func referralRoute() -> [MarkedUpText] {
        directories.flatMap { directory in
            heading(of: directory) + directory.referralRoute.map { describe($0, in: directory) }
        }
    }

    /// The crisis lines, the organisation's own first. With no region known yet, each
    /// region's lines come under its heading, and a line every region has (112) comes once, last.
    func crisisLines() -> [MarkedUpText] {
        guard directories.count > 1 else {
            return directories.flatMap { directory in directory.crisisLines.map { describe($0, in: directory) } }
        }
        let idSets = directories.map { Set($0.crisisLines.map(\.id)) }
        let shared = idSets.dropFirst().reduce(idSets.first ?? []) { $0.intersection($1) }
        var lines = directories.flatMap { directory in
            heading(of: directory)
                + directory.crisisLines.filter { !shared.contains($0.id) }.map { describe($0, in: directory) }
        }
        if let first = directories.first {
            lines += first.crisisLines.filter { shared.contains($0.id) }.map { describe($0, in: first) }
        }
        return lines
    }

    /// The region's name as a heading, when more than one region is shown.
    private func heading(of directory: HelpDirectory) -> [MarkedUpText] {
        guard directories.count > 1, let name = directory.labels["region"] else { return [] }
        var line = Line()
        line.bold(name.text(in: language))
        return [line.markedUp]
    }

    private func describe(_ entry: HelpDirectory.Entry, in directory: HelpDirectory) -> MarkedUpText {
        var details = [entry.hours, entry.cost].compactMap { $0?.text(in: language) }
        if entry.isAnonymous, let label = directory.labels["anonymous"] { details.append(label.text(in: language)) }
        let suffix = details.isEmpty ? "" : " (\(details.joined(separator: ", ")))"
        var line = Line()
        line.plain("- ")
        line.bold(entry.name.text(in: language))
        line.plain(": \(entry.purpose.text(in: language)) \(entry.reach.text(in: language))\(suffix)")
        return line.markedUp
    }

    /// A line put together from plain and bold parts.
    private struct Line {
        private var text = ""
        private var length = 0
        private var attributes: [MarkupAttribute] = []

        mutating func plain(_ part: String) {
            text += part
            length += part.count
        }

        mutating func bold(_ part: String) {
            attributes.append(MarkupAttribute(name: "b", position: length, length: part.count))
            plain(part)
        }

        var markedUp: MarkedUpText { MarkedUpText(text: text, attributes: attributes) }
    }
}
