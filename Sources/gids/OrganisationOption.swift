import ArgumentParser

/// `--org`: an organisation's contacts and schedule, added to the national content.
struct OrganisationOption: ParsableArguments {
    @Option(
        name: .customLong("org"),
        help: ArgumentHelp(
            "An organisation's contacts and follow-up schedule (YAML), added to the help map (see Examples/org/).",
            valueName: "file"),
        completion: .file())
    var file: String?
}
