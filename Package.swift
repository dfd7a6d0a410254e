// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "gids",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gids", targets: ["gids"]),
        .library(name: "YarnScript", targets: ["YarnScript"]),
        .library(name: "DialogueRuntime", targets: ["DialogueRuntime"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.1.0"),
    ],
    targets: [
        // The virtual machine: compiled programs, conversation state, events, markup, string tables.
        .target(
            name: "DialogueRuntime",
            dependencies: [
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The Yarn Spinner language: parsing, checking and compiling to a DialogueRuntime program.
        .target(name: "YarnScript", dependencies: ["DialogueRuntime"]),
        // Yarn Spinner `.testplan` files: parsing and running them against the runtime.
        .target(name: "YarnTestPlan", dependencies: ["YarnScript", "DialogueRuntime"]),
        // Snowball stemmers and Hunspell spelling dictionaries, from the system (Debian's packages).
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        .systemLibrary(name: "CHunspell", providers: [.apt(["libhunspell-dev"])]),
        // The language layer every reader of free text uses: sentences and clauses, word forms,
        // spelling, who a clause is about; the learned readers' features, models and trainer.
        .target(name: "TextReading", dependencies: ["CStemmer", "CHunspell"]),
        // The guide: conversations, the safety net, where help is, transcripts.
        .target(
            name: "Guide",
            dependencies: ["YarnScript", "DialogueRuntime", "TextReading", .product(name: "Yams", package: "Yams")]
        ),
        // Durable storage (SQLite through GRDB): remembered follow-ups, and later conversation sessions.
        .target(
            name: "SessionStore",
            dependencies: [
                "Guide", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Writing to standard output, whoever reads it: a terminal, a bridge, a pipe that closes.
        .target(name: "ByteOutput"),
        // The line protocol for chat bridges: JSON lines (or tab-separated), sessions, `serve` and `reply`.
        .target(
            name: "LineProtocol",
            dependencies: [
                "Guide", "SessionStore", "DialogueRuntime", "TextReading", "ByteOutput",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        // GNU readline, for line editing and in-memory history in the terminal.
        .systemLibrary(name: "CReadline", providers: [.apt(["libreadline-dev"])]),
        // The chat in a terminal: reading lines, rendering, the loop.
        .target(
            name: "Terminal", dependencies: ["Guide", "DialogueRuntime", "TextReading", "CReadline", "ByteOutput"]),
        .executableTarget(
            name: "gids",
            dependencies: [
                "YarnScript", "DialogueRuntime", "YarnTestPlan", "Guide", "Terminal", "SessionStore", "LineProtocol",
                "TextReading",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Where the tests find data kept outside the repository, and why they skip without it.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "DialogueRuntimeTests", dependencies: ["DialogueRuntime", "YarnScript"], exclude: ["Fixtures"]),
        .testTarget(name: "YarnScriptTests", dependencies: ["YarnScript", "DialogueRuntime"]),
        .testTarget(
            name: "YarnTestPlanTests", dependencies: ["YarnTestPlan", "YarnScript", "DialogueRuntime", "TestSupport"],
            exclude: ["Cases"]),
        .testTarget(name: "TextReadingTests", dependencies: ["TextReading"]),
        .testTarget(
            name: "GuideTests", dependencies: ["Guide", "DialogueRuntime", "YarnScript", "TextReading", "TestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "Guide"]),
        .testTarget(
            name: "SessionStoreTests",
            dependencies: [
                "SessionStore", "Guide", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(name: "LineProtocolTests", dependencies: ["LineProtocol", "Guide", "SessionStore"]),
        // Runs the built `gids` binary as a person or an operator would.
        .testTarget(
            name: "gidsTests", dependencies: ["gids", "Guide", "DialogueRuntime", "SessionStore", "TestSupport"]),
    ]
)
