import ArgumentParser
import Foundation
import Guide

/// `--region`: whose help and crisis lines gids names.
struct RegionOption: ParsableArguments {
    @Option(
        name: .customLong("region"),
        help: """
            The region whose help and crisis lines gids names: nl (the Netherlands) or be (Flanders) \
            (default: from LC_ALL or LANG, nl_BE is Flanders; while it is not known, the crisis lines of both).
            """,
        completion: .list(Region.allCases.map(\.rawValue)))
    var code: String?

    /// The region given, else the locale's, else none.
    var region: Region? {
        code.flatMap(Region.init(rawValue:))
            ?? Region(locale: LocaleSettings.locale(in: ProcessInfo.processInfo.environment))
    }

    func validate() throws {
        if let code, Region(rawValue: code) == nil {
            throw ValidationError("--region must be nl or be, not '\(code)'")
        }
    }
}
