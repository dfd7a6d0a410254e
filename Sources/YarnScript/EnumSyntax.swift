/// An enum as written: `<<enum Food>>`, its `<<case Apple>>` (or `<<case Apple = "apple">>`) lines,
/// `<<endenum>>`.
struct EnumSyntax {
    /// One `<<case>>` line.
    struct Case {
        var name: String
        var location: SourceLocation
        /// The raw value written after `=`, if any.
        var rawValue: ExpressionSyntax?
    }

    var name: String
    /// Where the enum's name is written.
    var location: SourceLocation
    var cases: [Case]
}
