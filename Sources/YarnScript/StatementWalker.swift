/// Visits statements and the expressions in them, depth first in source order.
enum StatementWalker {
    /// Calls `visit` for every statement, including those nested in blocks and option bodies.
    static func forEach(in statements: [Statement], _ visit: (Statement) -> Void) {
        for statement in statements {
            visit(statement)
            switch statement {
            case .options(let items), .lineGroup(let items):
                for item in items { forEach(in: item.body, visit) }
            case .ifBlock(let clauses, let elseBody, _):
                for clause in clauses { forEach(in: clause.body, visit) }
                forEach(in: elseBody, visit)
            case .once(_, let body, let elseBody, _):
                forEach(in: body, visit)
                forEach(in: elseBody, visit)
            default:
                break
            }
        }
    }

    /// The lines (including option and line-group texts) written directly in a statement.
    static func lines(of statement: Statement) -> [LineSyntax] {
        switch statement {
        case .line(let line): [line]
        case .options(let items), .lineGroup(let items): items.map(\.line)
        default: []
        }
    }
}

extension ExpressionSyntax {
    /// Calls `visit` for this expression and every expression inside it.
    func forEach(_ visit: (ExpressionSyntax) -> Void) {
        visit(self)
        switch kind {
        case .literal, .variable: break
        case .unary(_, let operand): operand.forEach(visit)
        case .binary(_, let left, let right):
            left.forEach(visit)
            right.forEach(visit)
        case .call(_, let arguments):
            for argument in arguments { argument.forEach(visit) }
        }
    }
}
