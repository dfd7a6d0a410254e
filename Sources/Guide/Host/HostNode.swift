/// A node gids starts or says itself, rather than one the dialogue reaches by its own jumps.
/// Every language's dialogue must have each of them: `gids check`, start and reload refuse
/// content that lacks one.
public enum HostNode: String, CaseIterable, Sendable {
    /// Where every conversation begins.
    case start = "Start"
    /// The crisis answer, in any state.
    case crisis = "Crisis"
    /// The answer when someone else is in danger now.
    case someoneElseInDanger = "CrisisSomeoneElse"
    /// The direct question when the safety net is unsure.
    case safetyCheck = "SafetyCheck"
    /// The offer to talk about someone else's death, told outside the event path.
    case aboutSomeoneElse = "AboutSomeoneElse"
    /// Someone's death heard as the answer it is, in the event path and the check-in.
    case aboutSomeoneElseHeard = "AboutSomeoneElseHeard"
    /// The crisis lines again, when a conversation in which a crisis came up ends.
    case crisisReminder = "CrisisReminder"
    /// The answer to "help".
    case help = "Help"
    /// An answer that chose nothing.
    case reprompt = "Reprompt"
    /// A number that is not one of the options (`$aantal_keuzes`).
    case repromptNumber = "RepromptNumber"
    /// An empty answer where words were asked for.
    case repromptText = "RepromptText"
    /// "back" with nothing to go back to.
    case noStepBack = "NoStepBack"
    /// The end on "stop" and at the end of input.
    case goodbye = "Goodbye"
    /// The failure answer, with the crisis lines, when the dialogue cannot go on.
    case failure = "Failure"
    /// The notice that the node the person stood in was edited since their last message.
    case contentUpdated = "ContentUpdated"
    /// Something the person asked for could not be done.
    case effectFailed = "EffectFailed"
    /// What was to be kept could not be saved (`$opslag_fout`).
    case saveFailed = "SaveFailed"
    /// The bridge's store cannot keep the conversation now.
    case notKept = "NotKept"
    /// The summary to take along.
    case takeAlong = "TakeAlong"
    /// What gids remembers, for `gids memory` and the chat's "geheugen".
    case memory = "Memory"
    /// Said when what was remembered is forgotten.
    case forgotten = "Forgotten"
    /// The question whether to forget what is remembered.
    case forgetQuestion = "ForgetQuestion"
    /// Said when the person keeps what is remembered.
    case forgetKept = "ForgetKept"
    /// The end after "vergeet mij".
    case forgottenByRequest = "ForgottenByRequest"
    /// Where practice begins.
    case practice = "Practice"
    /// Practice's own end.
    case practiceGoodbye = "PracticeGoodbye"
    /// The colleague's answer when the trainee asks about suicide directly.
    case practiceAskedDirectly = "PracticeAskedDirectly"
}
