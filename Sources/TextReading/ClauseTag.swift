/// How a clause is said, as a feature names it.
public enum ClauseTag: String, CaseIterable, Sendable {
    case question, quoted, past, negated, clinical, training

    /// Whether the clause is said so.
    public func holds(in clause: Clause) -> Bool {
        switch self {
        case .question: clause.isQuestion
        case .quoted: clause.isQuoted
        case .past: clause.isPast
        case .negated: clause.isNegated
        case .clinical: clause.isClinical
        case .training: clause.isTraining
        }
    }
}
