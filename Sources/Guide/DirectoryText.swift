import Foundation
import DialogueRuntime

/// Lays out help-directory entries as lines; every word comes from the directory files.
struct DirectoryText {
    /// The region's directory, or every region's when the region is not known yet.
    let directories: [HelpDirectory]
    let language: Language
    let markup: MarkupParser

    /// Every step with the names on it, then the lines open day and night: the whole map.
    func map() -> [MarkedUpText] {
        directories.flatMap { directory in
            var lines = directory.steps.map { step in
                let names = directory.entries(onStep: step.number).map { escaped($0.name) }.joined(separator: ", ")
                return markup.parse("[b]\(step.number). \(escaped(step.title))[/b]: \(names)")
            }
            if let always = directory.labels["always"], !directory.crisisLines.isEmpty {
                let names = directory.crisisLines.map { escaped($0.name) }.joined(separator: ", ")
                lines.append(markup.parse("[b]\(escaped(always))[/b]: \(names)"))
            }
            return lines
        }
    }

    /// The details of every entry on one step.
    func step(_ number: Int) -> [MarkedUpText] {
        directories.flatMap { directory -> [MarkedUpText] in
            guard let step = directory.steps.first(where: { $0.number == number }) else { return [] }
            return [markup.parse("[b]\(escaped(step.title))[/b]")] + directory.entries(onStep: number).map { describe($0, in: directory) }
        }
    }

    /// The crisis lines, the organisation's own first.
    func crisisLines() -> [MarkedUpText] {
        directories.flatMap { directory in directory.crisisLines.map { describe($0, in: directory) } }
    }

    private func describe(_ entry: HelpDirectory.Entry, in directory: HelpDirectory) -> MarkedUpText {
        var details = [entry.hours, entry.cost].compactMap { $0.map(escaped) }
        if entry.isAnonymous, let label = directory.labels["anonymous"] { details.append(escaped(label)) }
        let suffix = details.isEmpty ? "" : " (\(details.joined(separator: ", ")))"
        return markup.parse("- [b]\(escaped(entry.name))[/b]: \(escaped(entry.purpose)) \(escaped(entry.reach))\(suffix)")
    }

    /// Directory text is shown as written: brackets are not markup.
    private func escaped(_ text: LocalizedText) -> String {
        text.text(in: language).replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
    }
}
