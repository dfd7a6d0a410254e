import DialogueRuntime

/// The answer to what was asked: an option by its number, its words, another name it has
/// (`#also:`) or a service on its help-map step (`#step:`), not knowing (`#unsure`), or the
/// person's own words where the question takes them.
extension Conversation {
    /// The answer to what was asked.
    mutating func answering(_ answer: String) -> Reply {
        guard !state.isFinished else { return state.prompt.reply }
        let prompt = state.prompt
        if let variable = prompt.textVariable {
            guard !answer.isEmpty else { return reshowingPrompt(after: say(.repromptText)) }
            remember()
            // After a content update that edited this node, the answer is not kept: the node
            // starts again and the person is told their answer was not used.
            if machine.standsInCurrentContent(state.dialogue) {
                state.dialogue.variables[variable] = .string(Self.kept(answer))
            }
            return run(.resume)
        }
        let aliases = prompt.optionTags.map { tags in
            tags.filter { $0.hasPrefix(Self.aliasTag) }.map { String($0.dropFirst(Self.aliasTag.count)) }
        }
        if let chosen = OptionMatcher.match(answer, in: prompt.options.map(\.text), aliases: aliases)
            ?? stepOption(naming: answer)
        {
            return choose(option: chosen)
        }
        if content.answers.isUnsure(answer),
            let unsure = prompt.optionTags.firstIndex(where: { $0.contains(Self.unsureTag) })
        {
            // Not knowing is an answer: the question says what it means there.
            return choose(option: unsure)
        }
        if OptionMatcher.number(in: answer) != nil, !prompt.options.isEmpty {
            // A number that is not there, even where own words are welcome: say which numbers there are.
            set(.optionCount, .number(Float(prompt.options.count)))
            return reshowingPrompt(after: say(.repromptNumber))
        }
        if let freeText = prompt.freeText, !answer.isEmpty { return choose(option: freeText.option, text: answer) }
        return reshowingPrompt(after: say(.reprompt))
    }

    /// `#also:NAME` on an option: another name the person may type for it ("NL").
    static let aliasTag = "also:"
    /// `#step:N` on an option: it stands for step N of the help map, so typing the name of a
    /// service on that step ("bedrijfsarts") chooses it.
    static let stepTag = "step:"
    /// `#unsure` on an option: what "weet ik niet" or "I don't know" chooses at this question
    /// (every question of the guide marks one; `gids check` warns where one is missing).
    public static let unsureTag = "unsure"

    /// The shown option for the help-map step that holds the service the person named.
    func stepOption(naming answer: String) -> Int? {
        let steps = state.prompt.optionTags.map { tags in
            tags.first { $0.hasPrefix(Self.stepTag) }.flatMap { Int($0.dropFirst(Self.stepTag.count)) }
        }
        guard steps.contains(where: { $0 != nil }) else { return nil }
        let entries = directoryText.directories.flatMap(\.entries).filter { $0.step != nil }
        let names = entries.map {
            "\($0.name.text(in: state.language)) \($0.id.replacingOccurrences(of: "-", with: " "))"
        }
        guard let entry = OptionMatcher.match(answer, in: names).map({ entries[$0] }) else { return nil }
        return steps.firstIndex(of: entry.step)
    }

    /// `#freetext:name` on an option: any answer that is not another option is stored in `$name`.
    func freeTextVariable(of option: DialogueOption) -> String? {
        machine.program.lines[option.line.id]?.tags.first { $0.hasPrefix("freetext:") }.map {
            "$" + $0.dropFirst("freetext:".count)
        }
    }
}
