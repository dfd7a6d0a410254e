/// One step of a compiled node. Targets are instruction indices within the same node.
public enum Instruction: Hashable, Sendable, Codable {
    /// Deliver a line: its string-table id and the values for its `{0}`, `{1}`, ... placeholders.
    case line(id: String, substitutions: [Expression])
    /// Deliver a set of options and wait for the host to choose one, then continue at its
    /// body; with no option available and none chosen, continue at `otherwise`.
    case options([OptionChoice], otherwise: Int)
    /// Pick at most one line-group item by the saliency strategy, then jump to its body,
    /// or to `otherwise` when no candidate qualifies.
    case lineGroup([SalientCandidate], otherwise: Int)
    /// Pick one member of a node group by the saliency strategy and run it as a detour, then
    /// continue after this instruction; with no member qualifying, continue at once.
    case runNodeGroup([NodeCandidate])
    /// Deliver a command to the host; the text is the pieces joined after evaluation.
    case command([CommandPiece])
    /// Assign a value to a variable.
    case set(variable: String, value: Expression)
    /// Evaluate an expression for its effect (`<<call f()>>`).
    case evaluate(Expression)
    /// Continue at `target` when the condition is false.
    case jumpIfFalse(Expression, target: Int)
    /// Continue at `target`.
    case goto(target: Int)
    /// The test of a `<<once>>` (or `<<once if>>`): the first time through with the condition
    /// true, mark the flag used and continue; otherwise continue at `otherwise`.
    case onceGuard(flag: String, condition: Expression?, otherwise: Int)
    /// Leave this node (and every node it was detoured from) and start another.
    case jumpToNode(Expression)
    /// Run another node as a subroutine, then continue after this instruction.
    case detourToNode(Expression)
    /// End this node: resume the node that detoured here, or end the dialogue.
    case returnFromNode
    /// End the dialogue.
    case stop
}

/// One option of an option set, as compiled.
public struct OptionChoice: Hashable, Sendable, Codable {
    /// The option text's string-table id.
    public var lineID: String
    /// Values for the option text's placeholders.
    public var substitutions: [Expression]
    /// When present, the option is shown but unavailable while this is false.
    public var condition: Expression?
    /// For `<<once>>` options: the flag variable set when the option is chosen.
    public var onceFlag: String?
    /// Where the option's body starts.
    public var target: Int

    public init(lineID: String, substitutions: [Expression], condition: Expression?, onceFlag: String?, target: Int) {
        self.lineID = lineID
        self.substitutions = substitutions
        self.condition = condition
        self.onceFlag = onceFlag
        self.target = target
    }
}

/// One item of a line group (`=>`), as compiled.
public struct SalientCandidate: SaliencyCandidate, Hashable, Sendable, Codable {
    /// The line's string-table id, also the key for its view count.
    public var lineID: String
    /// Values for the line's placeholders.
    public var substitutions: [Expression]
    /// The item qualifies only when this is true (absent: always).
    public var condition: Expression?
    /// For `<<once>>` items: the flag variable set when the item is picked.
    public var onceFlag: String?
    /// How specific the item's condition is; the `best` strategies prefer higher.
    public var complexity: Int
    /// Where the item's body starts.
    public var target: Int

    public init(
        lineID: String, substitutions: [Expression], condition: Expression?, onceFlag: String?, complexity: Int,
        target: Int
    ) {
        self.lineID = lineID
        self.substitutions = substitutions
        self.condition = condition
        self.onceFlag = onceFlag
        self.complexity = complexity
        self.target = target
    }

    public var viewKey: String { lineID }
}

/// A piece of a command's text: literal text or an inline expression.
public enum CommandPiece: Hashable, Sendable, Codable {
    case text(String)
    case expression(Expression)
}
