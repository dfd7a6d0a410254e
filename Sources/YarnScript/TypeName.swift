/// A type named in a script (`as number`, `as Food`), resolved once the project's enums are known.
struct TypeName {
    var name: String
    var location: SourceLocation
}
