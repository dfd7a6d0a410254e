import DialogueRuntime
import Foundation

/// The result of compiling dialogue files: a program when there were no errors, and
/// every diagnostic found, sorted by file and position.
public struct Compilation: Sendable {
    public var program: Program?
    public var diagnostics: [Diagnostic]
}

/// Compiles Yarn Spinner dialogue files into a ``Program`` for the ``VirtualMachine``.
///
/// All files are compiled together as one project: node titles and line ids are unique
/// across them, variables are global, and jumps may cross files.
public struct Compiler: Sendable {
    /// The functions dialogue may call (built-ins plus the host's), used for type checking.
    public var functions: [String: FunctionSignature]
    /// Whether a variable used without `<<declare>>` is an error. Yarn Spinner itself
    /// infers such variables (with a warning), and its test plans rely on that; gids's own
    /// dialogues declare every variable, so a typo in a name cannot create a new one.
    public var requiresDeclarations: Bool
    /// Variables the host reads, so they count as used even when no line reads them.
    public var hostReadVariables: Set<String>

    public init(
        functions: [String: FunctionSignature] = FunctionLibrary().signatures, requiresDeclarations: Bool = false,
        hostReadVariables: Set<String> = []
    ) {
        self.functions = functions
        self.requiresDeclarations = requiresDeclarations
        self.hostReadVariables = hostReadVariables
    }

    /// Compiles files and folders (every `.yarn` file below a folder, in name order).
    /// Unreadable or non-UTF-8 files become diagnostics.
    public func compile(paths: [String]) -> Compilation {
        var sources: [SourceFile] = []
        var diagnostics: [Diagnostic] = []
        for path in Self.yarnFiles(in: paths) {
            do {
                sources.append(try SourceFile.load(path: path))
            } catch {
                diagnostics.append(error)
            }
        }
        var compilation = compile(sources)
        compilation.diagnostics = (diagnostics + compilation.diagnostics).sorted()
        if compilation.diagnostics.hasErrors { compilation.program = nil }
        return compilation
    }

    /// The `.yarn` files named by `paths`: files as given, folders searched recursively.
    public static func yarnFiles(in paths: [String]) -> [String] {
        FileSearch.files(in: paths, withSuffix: ".yarn")
    }

    /// Groups paths into projects, each compiled on its own. A folder with `.yarn` files
    /// directly in it is one project; a folder with none (like `Dialogues/`, which holds
    /// `nl/` and `en/`) makes each of its subfolders with `.yarn` files a project. Files
    /// named directly form one project together.
    public static func projects(in paths: [String]) -> [[String]] {
        var projects: [[String]] = []
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let entries = ((try? manager.contentsOfDirectory(atPath: path)) ?? []).sorted()
            if entries.contains(where: { $0.hasSuffix(".yarn") }) {
                projects.append([path])
                continue
            }
            for entry in entries {
                let child = (path as NSString).appendingPathComponent(entry)
                if manager.fileExists(atPath: child, isDirectory: &isDirectory), isDirectory.boolValue,
                    !yarnFiles(in: [child]).isEmpty
                {
                    projects.append([child])
                }
            }
        }
        if !files.isEmpty { projects.insert(files, at: 0) }
        return projects
    }

    /// Compiles source texts together.
    public func compile(_ sources: [SourceFile]) -> Compilation {
        var diagnostics: [Diagnostic] = []
        let files = sources.map { FileParser.parse($0, diagnostics: &diagnostics) }

        // Nodes, unique by title across the project.
        var nodes: [(syntax: NodeSyntax, file: String)] = []
        var firstByTitle: [String: SourceLocation] = [:]
        for file in files {
            for node in file.nodes {
                if let first = firstByTitle[node.title] {
                    diagnostics.append(
                        Diagnostic(
                            .error, at: node.titleLocation,
                            "there is already a node named '\(node.title)' (at \(first.file):\(first.line))"))
                    continue
                }
                firstByTitle[node.title] = node.titleLocation
                nodes.append((node, file.path))
            }
        }

        let declarations = Declarations.collect(from: nodes.map(\.syntax), diagnostics: &diagnostics)
        let variables = inferVariableTypes(nodes.map(\.syntax), declarations: declarations, diagnostics: &diagnostics)
        let project = ProjectContext(
            lowering: ExpressionLowering(variables: variables.mapValues(\.initialValue.type), functions: functions),
            usedLineIDs: reserveExplicitLineIDs(nodes.map(\.syntax), diagnostics: &diagnostics))

        var program = Program()
        for (name, variable) in variables { program.initialValues[name] = variable.initialValue }
        for (node, file) in nodes {
            var compiler = NodeCompiler(node: node, file: file, project: project)
            program.nodes[node.title] = compiler.compile()
        }
        program.lines = project.lines
        diagnostics += project.lowering.diagnostics
        diagnostics += IndentationTraps.warnings(in: nodes.map(\.syntax))
        diagnostics += ProgramAnalysis.warnings(
            nodes: nodes.map(\.syntax), declarations: declarations.filter { !hostReadVariables.contains($0.key) },
            knownNodes: Set(firstByTitle.keys))
        diagnostics.sort()
        return Compilation(program: diagnostics.hasErrors ? nil : program, diagnostics: diagnostics)
    }

    /// Every variable's type and initial value: declared ones as declared, the others
    /// inferred from use (with a warning suggesting a declaration).
    private func inferVariableTypes(
        _ nodes: [NodeSyntax], declarations: [String: Declarations.Variable], diagnostics: inout [Diagnostic]
    ) -> [String: Declarations.Variable] {
        var inference = TypeInference(declared: declarations.mapValues(\.initialValue.type), functions: functions)
        for node in nodes {
            StatementWalker.forEach(in: node.body) { statement in
                for line in StatementWalker.lines(of: statement) {
                    for expression in line.expressions { inference.constrain(expression, to: nil) }
                    if let condition = line.condition?.expression { inference.constrain(condition, to: .bool) }
                }
                switch statement {
                case .ifBlock(let clauses, _, _):
                    for clause in clauses { inference.constrain(clause.condition, to: .bool) }
                case .once(let condition?, _, _, _):
                    inference.constrain(condition, to: .bool)
                case .set(let variable, let location, let op, let value, _):
                    if let op, op != .add {
                        inference.constrain(
                            ExpressionSyntax(kind: .variable(variable), location: location), to: .number)
                    }
                    inference.assign(variable, value, at: location)
                case .jump(.expression(let expression), _), .detour(.expression(let expression), _):
                    inference.constrain(expression, to: .string)
                case .call(let expression, _):
                    inference.constrain(expression, to: nil)
                case .command(let pieces, _):
                    for case .expression(let expression) in pieces { inference.constrain(expression, to: nil) }
                default:
                    break
                }
            }
        }
        diagnostics += inference.diagnostics
        var variables = declarations
        let inferred = inference.inferredTypes
        for (name, location) in inference.firstUse.sorted(by: { $0.value < $1.value })
        where !inference.conflicted.contains(name) {
            guard let type = inferred[name] else {
                diagnostics.append(
                    Diagnostic(
                        .error, at: location,
                        "\(name) is not declared and its type cannot be told from its use; declare it, like <<declare \(name) = 0>>"
                    ))
                continue
            }
            let initial = Value.defaultValue(of: type)
            variables[name] = Declarations.Variable(initialValue: initial, location: location)
            let known = declarations.keys.filter { $0 != name }
            diagnostics.append(
                requiresDeclarations
                    ? Diagnostic(
                        .error, at: location,
                        "\(name) is not declared\(Suggestions.hint(for: name, in: known)); declare it, like <<declare \(name) = \(initial.literal)>>"
                    )
                    : Diagnostic(
                        .warning, at: location,
                        "\(name) is not declared; it is taken to be a \(type) starting at \(initial.literal) (declare it: <<declare \(name) = \(initial.literal)>>)"
                    ))
        }
        return variables
    }

    /// Collects explicit `#line:` ids, reporting duplicates.
    private func reserveExplicitLineIDs(_ nodes: [NodeSyntax], diagnostics: inout [Diagnostic]) -> Set<String> {
        var seen: [String: SourceLocation] = [:]
        for node in nodes {
            StatementWalker.forEach(in: node.body) { statement in
                for line in StatementWalker.lines(of: statement) {
                    guard let id = line.explicitID else { continue }
                    if let first = seen[id] {
                        diagnostics.append(
                            Diagnostic(
                                .error, at: line.location,
                                "the line id '\(id)' is already used at \(first.file):\(first.line)"))
                    } else {
                        seen[id] = line.location
                    }
                }
            }
        }
        return Set(seen.keys)
    }
}

extension Value {
    /// The value as it would be written in a script (`true`, `1.5`, `"text"`).
    public var literal: String {
        switch self {
        case .bool(let value): value ? "true" : "false"
        case .number: text
        case .string(let value): "\"\(value)\""
        }
    }
}
