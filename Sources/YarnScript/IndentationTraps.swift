/// Warnings for indentation that is valid Yarn but almost never what the writer meant,
/// because it changes what people see without any error:
///
/// - Lines indented under one item of a line group (`=>`) whose other items have no
///   body: they are shown only when that item is picked, so for some conversations a
///   question simply vanishes.
/// - A `<<set>>`, `<<call>>`, `<<declare>>` or command at the level of the options around
///   it: it ends the option list, so one choice becomes two questions asked one after
///   the other.
enum IndentationTraps {
    static func warnings(in nodes: [NodeSyntax]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for node in nodes {
            StatementWalker.forEachBlock(in: node.body) { check($0, into: &diagnostics) }
        }
        return diagnostics
    }

    /// Checks the statements of one block against their neighbours.
    private static func check(_ block: [Statement], into diagnostics: inout [Diagnostic]) {
        for (index, statement) in block.enumerated() {
            switch statement {
            case .lineGroup(let items) where items.contains(where: { $0.body.isEmpty }):
                for item in items {
                    guard let first = item.body.first else { continue }
                    diagnostics.append(
                        Diagnostic(
                            .warning, at: first.location,
                            "this is indented under the line-group item '\(item.line.text)', so it is shown only when that item is picked; de-indent it to show it every time"
                        ))
                }
            case .set, .call, .declare, .command:
                if case .options(let before)? = block[..<index].last, let after = firstOptions(after: index, in: block)
                {
                    diagnostics.append(
                        Diagnostic(
                            .warning, at: statement.location,
                            "this stands at the level of the options around it, which splits them into two questions ('\(before[0].line.text)' and '\(after[0].line.text)' are not offered together); indent it under the option it belongs to"
                        ))
                }
            default:
                break
            }
        }
    }

    /// The options that follow the statement at `index` with nothing but more such
    /// statements in between (no line, no question, no jump).
    private static func firstOptions(after index: Int, in block: [Statement]) -> [OptionSyntax]? {
        for statement in block[(index + 1)...] {
            switch statement {
            case .set, .call, .declare, .command: continue
            case .options(let items): return items
            default: return nil
            }
        }
        return nil
    }
}
