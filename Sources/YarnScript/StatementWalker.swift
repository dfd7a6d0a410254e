/// Visits statements and the expressions in them, depth first in source order.
enum StatementWalker {
    /// Calls `visit` for every statement, including those nested in blocks and option bodies.
    static func forEach(in statements: [Statement], _ visit: (Statement) -> Void) {
        for statement in statements {
            visit(statement)
            for block in blocks(in: statement) { forEach(in: block, visit) }
        }
    }

    /// Calls `visit` for a body and for every block nested in it (option and line-group
    /// bodies, `<<if>>` clauses, `<<once>>` bodies), for checks that look at statements
    /// beside each other.
    static func forEachBlock(in statements: [Statement], _ visit: ([Statement]) -> Void) {
        visit(statements)
        for statement in statements {
            for block in blocks(in: statement) { forEachBlock(in: block, visit) }
        }
    }

    /// The blocks directly inside a statement, in source order.
    private static func blocks(in statement: Statement) -> [[Statement]] {
        switch statement {
        case .options(let items), .lineGroup(let items): items.map(\.body)
        case .ifBlock(let clauses, let elseBody, _): clauses.map(\.body) + [elseBody]
        case .once(_, let body, let elseBody, _): [body, elseBody]
        default: []
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
