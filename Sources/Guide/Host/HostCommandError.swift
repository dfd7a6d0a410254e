/// Why a dialogue's command is not one gids can carry out, in the words of `gids check`.
public struct HostCommandError: Error, Sendable {
    public let message: String
}
