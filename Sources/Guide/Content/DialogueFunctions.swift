import DialogueRuntime

/// The host functions the dialogues may call:
/// - `addressed(text)`: the person's words said back to them ("mijn" becomes "je", see ``AddressedText``);
/// - `answered(text)`: whether an answer names something, so that it may be said back
///   (not "weet ik niet", "nee, dank je" or a bare number, see ``AnswerWords/isAnswer(_:)``);
/// - `unsure(text)`: whether the answer says the person does not know;
/// - `heavy(text)`: whether the answer says it is heavy ("kapot", "I can't cope").
///
///     <<if answered($gevoel)>>
///         Over hoe je je voelt zei je: {$gevoel}.
///     <<endif>>
public enum DialogueFunctions {
    /// The functions with the words of this content.
    public static func library(answers: AnswerWords) -> FunctionLibrary {
        var library = FunctionLibrary()
        library.register("addressed", parameters: [.string], returns: .string) { arguments in
            .string(AddressedText.addressed(arguments.first?.text ?? ""))
        }
        library.register("answered", parameters: [.string], returns: .bool) { arguments in
            .bool(answers.isAnswer(arguments.first?.text ?? ""))
        }
        library.register("unsure", parameters: [.string], returns: .bool) { arguments in
            .bool(answers.isUnsure(arguments.first?.text ?? ""))
        }
        library.register("heavy", parameters: [.string], returns: .bool) { arguments in
            .bool(answers.soundsHeavy(arguments.first?.text ?? ""))
        }
        return library
    }

    /// What the compiler needs to know of them: their names and types.
    public static let signatures = library(answers: AnswerWords.none).signatures
}
