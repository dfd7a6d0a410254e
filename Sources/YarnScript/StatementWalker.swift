/// Visits statements and the expressions in them, depth first in source order.
enum StatementWalker {
    /// Calls `visit` for every statement, including those nested in blocks and option bodies.
    static func forEach(in statements: [Statement], _ visit: (Statement) -> Void) {
        for statement in statements {
            visit(statement)
            for block in blocks(in: statement) { forEach(in: block.body, visit) }
        }
    }

    /// Calls `visit` for every statement with the options (`->` texts) and line-group items
    /// (`=> ` and their texts) chosen on the way to it, outermost first.
    static func forEach(in statements: [Statement], path: [String], _ visit: (Statement, [String]) -> Void) {
        for statement in statements {
            visit(statement, path)
            for block in blocks(in: statement) {
                let choice = block.choice.map { block.isLineGroupItem ? "=> " + $0 : $0 }
                forEach(in: block.body, path: choice.map { path + [$0] } ?? path, visit)
            }
        }
    }

    /// Calls `visit` for a body and for every block nested in it (option and line-group
    /// bodies, `<<if>>` clauses, `<<once>>` bodies), for checks that look at statements
    /// beside each other.
    static func forEachBlock(in statements: [Statement], _ visit: ([Statement]) -> Void) {
        visit(statements)
        for statement in statements {
            for block in blocks(in: statement) { forEachBlock(in: block.body, visit) }
        }
    }

    /// The blocks directly inside a statement, in source order, each with the text of the option
    /// or line-group item that leads into it (its own string: nothing is built for a walk that
    /// does not ask for paths).
    private static func blocks(in statement: Statement) -> [(choice: String?, isLineGroupItem: Bool, body: [Statement])]
    {
        switch statement {
        case .options(let items): items.map { ($0.line.text, false, $0.body) }
        case .lineGroup(let items): items.map { ($0.line.text, true, $0.body) }
        case .ifBlock(let clauses, let elseBody, _): clauses.map { (nil, false, $0.body) } + [(nil, false, elseBody)]
        case .once(_, let body, let elseBody, _): [(nil, false, body), (nil, false, elseBody)]
        default: []
        }
    }

    /// The expressions written directly in a statement: in its lines (and their conditions),
    /// its conditions, values, computed targets and command pieces.
    static func expressions(in statement: Statement) -> [ExpressionSyntax] {
        var expressions: [ExpressionSyntax] = []
        for line in lines(of: statement) {
            expressions += line.expressions
            if let condition = line.condition?.expression { expressions.append(condition) }
        }
        switch statement {
        case .jump(.expression(let expression), _), .detour(.expression(let expression), _):
            expressions.append(expression)
        case .ifBlock(let clauses, _, _): expressions += clauses.map(\.condition)
        case .once(let condition?, _, _, _): expressions.append(condition)
        case .set(_, _, _, let value, _): expressions.append(value)
        case .call(let expression, _): expressions.append(expression)
        case .command(let pieces, _):
            for case .expression(let expression) in pieces { expressions.append(expression) }
        default: break
        }
        return expressions
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
        case .literal, .variable, .enumCase: break
        case .unary(_, let operand): operand.forEach(visit)
        case .binary(_, let left, let right):
            left.forEach(visit)
            right.forEach(visit)
        case .call(_, let arguments):
            for argument in arguments { argument.forEach(visit) }
        }
    }
}
