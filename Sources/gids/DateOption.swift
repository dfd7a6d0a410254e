import ArgumentParser
import Foundation
import Guide

/// `--now`: the date gids takes as today, for tests and for replaying a day.
struct DateOption: ParsableArguments {
    @Option(help: ArgumentHelp("Today's date, YYYY-MM-DD (default: $GIDS_NOW, else the real date).", valueName: "date"))
    var now: String?

    private var given: String? { now ?? ProcessInfo.processInfo.environment["GIDS_NOW"] }

    /// The date fixed by `--now` or `$GIDS_NOW`, if any.
    var fixedDay: DayDate? { given.flatMap(DayDate.init(iso:)) }

    /// The date, from `--now`, `$GIDS_NOW`, or the clock.
    var today: DayDate { fixedDay ?? .today() }

    func validate() throws {
        if let given, DayDate(iso: given) == nil {
            throw ValidationError("the date must be written YYYY-MM-DD, like 2026-03-12, not '\(given)'")
        }
    }
}
