import ArgumentParser
import Guide

/// `--schedule`: when the follow-up talks after a critical event are due.
struct ScheduleOption: ParsableArguments {
    @Option(
        name: .customLong("schedule"),
        help:
            "The follow-up schedule after a critical event: olvg (default), rpog or trim; the organisation file may choose one."
    )
    var schedule: FollowUpSchedule?

    /// `--schedule`, else the organisation's, else OLVG.
    func followUpSchedule(for content: GuideContent) -> FollowUpSchedule {
        schedule ?? content.organisation?.schedule ?? .olvg
    }
}

extension FollowUpSchedule: ExpressibleByArgument {}
