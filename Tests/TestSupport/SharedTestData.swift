import Foundation
import Testing

/// Data some tests read from outside the repository, where the README says it is: beside the
/// clone in `../shared`, or wherever an environment variable names. A clone with nothing
/// beside it skips those tests, and each says why (`Test … skipped: …`) rather than failing
/// or passing in silence.
///
///     @Test("…", .enabled(if: SharedTestData.corpora.isPresent, SharedTestData.corpora.skipReason))
public struct SharedTestData: Sendable {
    /// What the data is, for the reason a test was skipped.
    public let name: String
    /// Where it is looked for.
    public let folder: URL
    /// The environment variable that names another place.
    public let variable: String

    /// The Yarn Spinner test plans: the `Tests/TestPlans` folder of YarnSpinnerTool/YarnSpinner
    /// with `parse-failures/` (`../shared/yarn-testplans`, or `$GIDS_YARN_TESTPLANS`).
    public static let yarnTestPlans = SharedTestData(
        name: "the Yarn Spinner test plans", beside: "shared/yarn-testplans", variable: "GIDS_YARN_TESTPLANS")

    /// The development corpora of the safety net and of practice, labelled by people who did
    /// not write the rules (`../shared/domain/corpora`, or `$GIDS_CORPORA`).
    public static let corpora = SharedTestData(
        name: "the development corpora", beside: "shared/domain/corpora", variable: "GIDS_CORPORA")

    /// The repository this test support was built from.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    private init(name: String, beside path: String, variable: String) {
        self.name = name
        self.variable = variable
        let configured = ProcessInfo.processInfo.environment[variable] ?? ""
        folder =
            configured.isEmpty
            ? Self.repositoryRoot.deletingLastPathComponent().appendingPathComponent(path)
            : URL(fileURLWithPath: configured)
    }

    /// Whether the folder is there.
    public var isPresent: Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// Why a test that needs the data did not run, and how to give it the data.
    public var skipReason: Comment {
        "\(name) are not at \(folder.standardized.path); put them there or set \(variable) (README, Running the tests)"
    }

    /// A file in the folder.
    public func file(_ name: String) -> URL { folder.appendingPathComponent(name) }
}
