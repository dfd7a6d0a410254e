import DialogueRuntime
import YarnScript

/// Compiles one script given as text, as the file `test.yarn`.
func compile(_ text: String, functions: [String: FunctionSignature] = FunctionLibrary().signatures) -> Compilation {
    Compiler(functions: functions).compile([SourceFile(path: "test.yarn", text: text)])
}

extension Compilation {
    var errors: [String] { diagnostics.filter { $0.severity == .error }.map(\.description) }
    var warnings: [String] { diagnostics.filter { $0.severity == .warning }.map(\.description) }
}
