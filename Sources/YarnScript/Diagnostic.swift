/// A place in a dialogue file: 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }

    /// The same line, another column.
    func column(_ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }
}

/// A problem found in dialogue files, printed the way compilers print them:
/// `Dialogues/nl/checkin.yarn:14:9: error: jump to unknown node 'Afsluitng' (did you mean 'Afsluiting'?)`.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible, Comparable {
    /// Errors stop a program from being built; warnings point at likely mistakes.
    public enum Severity: String, Hashable, Sendable {
        case error
        case warning
    }

    public var severity: Severity
    public var location: SourceLocation
    /// A plain sentence saying what is wrong and, where possible, what to do.
    public var message: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public var description: String {
        "\(location.file):\(location.line):\(location.column): \(severity.rawValue): \(message)"
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.location, a.severity == .error ? 0 : 1, a.message) < (b.location, b.severity == .error ? 0 : 1, b.message)
    }
}

extension Array where Element == Diagnostic {
    /// Whether any of these diagnostics is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}

extension Diagnostic {
    /// The error for a second definition of a name: `there is already a node named 'Start' (at a.yarn:1)`.
    static func duplicate(_ what: String, at location: SourceLocation, first: SourceLocation) -> Diagnostic {
        Diagnostic(.error, at: location, "there is already \(what) (at \(first.file):\(first.line))")
    }
}
