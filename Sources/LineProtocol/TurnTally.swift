import Guide

/// What a batch's turns did, counted for the operator (``ServerMetrics``): never what was
/// said. Counted where the turns are answered and added up only for the answers that are
/// committed, so a batch answered ahead and then again counts once.
struct TurnTally: Sendable {
    /// Replies of the guide.
    var turns = 0
    /// Turns that gave the crisis answer.
    var crisisAnswers = 0
    /// Turns that asked the check question.
    var checkQuestions = 0
    /// Nodes started again because the content changed under a stored conversation.
    var restartedNodes = 0

    mutating func count(_ reply: Reply) {
        turns += 1
        switch reply.safety {
        case .crisis: crisisAnswers += 1
        case .check: checkQuestions += 1
        case nil: break
        }
        restartedNodes += reply.restartedNodes.count
    }

    static func + (lhs: TurnTally, rhs: TurnTally) -> TurnTally {
        TurnTally(
            turns: lhs.turns + rhs.turns, crisisAnswers: lhs.crisisAnswers + rhs.crisisAnswers,
            checkQuestions: lhs.checkQuestions + rhs.checkQuestions,
            restartedNodes: lhs.restartedNodes + rhs.restartedNodes)
    }
}
