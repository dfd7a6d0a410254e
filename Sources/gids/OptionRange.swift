import ArgumentParser

/// The range a number given on the command line must be in. Such options are parsed with
/// `parsing: .unconditional`, so that `--forget-after -3` is read as a number and refused with
/// its range, rather than taken for an unknown option.
enum OptionRange {
    /// Refuses `value` below `minimum`, naming the option, the range and what was given:
    /// `--forget-after must be 1 hour or more, not -3`.
    static func require(_ value: Int, atLeast minimum: Int, for option: String, unit: String) throws {
        guard value < minimum else { return }
        throw ValidationError("\(option) must be \(minimum) \(minimum == 1 ? unit : unit + "s") or more, not \(value)")
    }
}
