import ArgumentParser
import Foundation

/// `--shared-corpora`: where the shared development corpora are, for the commands that train,
/// evaluate or check a learned reader (`gids safety`, `gids practice`).
struct SharedCorporaOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The shared development corpora (default: $GIDS_CORPORA, else ../shared/domain/corpora beside the repository).",
            valueName: "folder"),
        completion: .directory)
    var sharedCorpora: String?

    /// The folder: the option, else `$GIDS_CORPORA`, else `shared/domain/corpora` beside the
    /// repository; says so and exits 1 when it is not there, since the readers are trained on it.
    func folder(besideRepository repository: URL) throws -> URL {
        let shared = URL(
            fileURLWithPath: sharedCorpora ?? ProcessInfo.processInfo.environment["GIDS_CORPORA"]
                ?? repository.deletingLastPathComponent().appendingPathComponent("shared/domain/corpora").path)
        guard FileManager.default.fileExists(atPath: shared.path) else {
            printError(
                "error: the shared corpora are not at \(shared.path); the learned reader is trained on them too (give --shared-corpora)"
            )
            throw ExitCode(1)
        }
        return shared
    }
}
