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
    /// Whether a function that neither the host nor the standard library offers is taken to be
    /// what its calls say (with a warning; calling it then fails when the dialogue runs), as Yarn
    /// Spinner does. Otherwise it is an error, which catches a misspelt name where it is written.
    public var infersFunctions: Bool
    /// The commands the host carries out, checked where each is written; nil passes every
    /// command to the host unchecked, as Yarn Spinner does.
    public var commands: CommandContract?

    public init(
        functions: [String: FunctionSignature] = FunctionLibrary().signatures, requiresDeclarations: Bool = false,
        hostReadVariables: Set<String> = [], infersFunctions: Bool = false, commands: CommandContract? = nil
    ) {
        self.functions = functions
        self.requiresDeclarations = requiresDeclarations
        self.hostReadVariables = hostReadVariables
        self.infersFunctions = infersFunctions
        self.commands = commands
    }

    /// Compiles files and folders (every `.yarn` file below a folder, in name order).
    /// Unreadable or non-UTF-8 files become diagnostics.
    public func compile(paths: [String]) -> Compilation {
        compileProject(paths: paths, drawingWith: nil).compilation
    }

    /// The graph of the nodes of these files and folders (see ``DialogueGraph``), with the
    /// diagnostics of compiling them; nil when they have errors.
    /// - Parameter hostCommands: the names of the commands to note on the nodes that give them.
    public func graph(paths: [String], hostCommands: Set<String>) -> (graph: DialogueGraph?, diagnostics: [Diagnostic])
    {
        let (compilation, graph) = compileProject(paths: paths, drawingWith: hostCommands)
        return (compilation.program == nil ? nil : graph, compilation.diagnostics)
    }

    /// Compiles a project with its graph: with `hostCommands`, the graph for drawing (its edges
    /// carry the options on the way, its nodes the host commands they give); without, only the
    /// ways between nodes that the compiler's own checks need.
    private func compileProject(paths: [String], drawingWith hostCommands: Set<String>?) -> (
        compilation: Compilation, graph: DialogueGraph
    ) {
        var sources: [SourceFile] = []
        var diagnostics: [Diagnostic] = []
        for path in Self.yarnFiles(in: paths) {
            do {
                sources.append(try SourceFile.load(path: path))
            } catch {
                diagnostics.append(error)
            }
        }
        var (compilation, graph) = compileProject(sources, drawingWith: hostCommands)
        compilation.diagnostics = (diagnostics + compilation.diagnostics).sorted()
        if compilation.diagnostics.hasErrors { compilation.program = nil }
        return (compilation, graph)
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
        compileProject(sources, drawingWith: nil).compilation
    }

    private func compileProject(_ sources: [SourceFile], drawingWith hostCommands: Set<String>?) -> (
        compilation: Compilation, graph: DialogueGraph
    ) {
        var diagnostics: [Diagnostic] = []
        let files = sources.map { FileParser.parse($0, diagnostics: &diagnostics) }
        let groups = NodeGroups.resolve(files, diagnostics: &diagnostics)
        let nodes = groups.nodes.map(\.syntax)
        let enums = EnumTable.collect(from: nodes, diagnostics: &diagnostics)
        let declarations = Declarations.collect(from: nodes, enums: enums, diagnostics: &diagnostics)
        let types = inferTypes(nodes, declarations: declarations, enums: enums, diagnostics: &diagnostics)
        diagnostics += SmartVariableLoops.errors(in: declarations.smartVariables)
        if let commands {
            diagnostics += commands.diagnostics(in: nodes, variables: types.initialValues.mapValues(\.type))
        }

        var lowering = ExpressionLowering(
            variables: types.variables, smartVariables: declarations.smartVariables.mapValues(\.expression),
            functions: types.functions, untypedFunctions: types.untypedFunctions, enums: enums)
        lowering.lowerSmartVariables()
        let project = ProjectContext(
            lowering: lowering, explicitLines: explicitLines(nodes, diagnostics: &diagnostics))

        var program = Program(initialValues: types.initialValues)
        for (node, file) in groups.nodes {
            var compiler = NodeCompiler(node: node, file: file, project: project)
            program.nodes[node.name] = compiler.compile()
            if !node.isTracked { program.untrackedNodes.insert(node.name) }
        }
        for (title, members) in groups.members {
            let file = program.nodes[members[0].name]?.file ?? members[0].titleLocation.file
            program.nodes[title] = NodeGroupHub.compile(
                title: title, members: members, file: file, lowering: &project.lowering)
            if members.allSatisfy({ !$0.isTracked }) { program.untrackedNodes.insert(title) }
        }
        program.lines = project.lines
        diagnostics += project.lowering.diagnostics
        diagnostics += IndentationTraps.warnings(in: nodes)
        let (graph, unknownTargets) = DialogueGraph.build(groups, drawingWith: hostCommands)
        diagnostics += ProgramAnalysis.diagnostics(
            groups: groups, graph: graph, unknownTargets: unknownTargets,
            declarations: declarations.locations.filter { !hostReadVariables.contains($0.key) },
            smartVariables: declarations.smartVariables.values.map(\.expression))
        diagnostics.sort()
        return (Compilation(program: diagnostics.hasErrors ? nil : program, diagnostics: diagnostics), graph)
    }

    /// The types a project settles: of every variable (stored and smart) and function, and the
    /// initial values of the stored variables. Declared ones are as declared; the others are
    /// told from their use, with a warning suggesting a declaration (an error where
    /// declarations are required).
    private func inferTypes(
        _ nodes: [NodeSyntax], declarations: Declarations, enums: EnumTable, diagnostics: inout [Diagnostic]
    ) -> (
        variables: [String: YarnType], initialValues: [String: Value], functions: [String: CallSignature],
        untypedFunctions: Set<String>
    ) {
        let known = functions.mapValues(CallSignature.init)
        var declared = declarations.variables.mapValues(\.type)
        for (name, smart) in declarations.smartVariables { declared[name] = smart.type }
        var inference = TypeInference(
            declared: declared, functions: known, enums: enums, infersFunctions: infersFunctions)
        for (name, smart) in declarations.smartVariables.sorted(by: { $0.value.location < $1.value.location }) {
            inference.assign(name, smart.expression, at: smart.location)
        }
        for node in nodes {
            for header in node.whenHeaders {
                if let expression = header.condition?.expression { inference.constrain(expression, to: .bool) }
            }
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
        let smart = Set(declarations.smartVariables.keys)
        diagnostics += inference.untypedErrors(smart: smart)

        var variables = declared.compactMapValues { $0 }
        var initialValues = declarations.variables.mapValues(\.initialValue)
        for name in smart where variables[name] == nil { variables[name] = inference.type(of: name) }
        for (name, location) in inference.undeclaredVariables
        where !smart.contains(name) && !inference.conflicted.contains(name) {
            guard let type = inference.type(of: name) else { continue }
            variables[name] = type
            initialValues[name] = enums.defaultValue(of: type)
            let literal = enums.literal(of: type)
            let known = declarations.locations.keys.filter { $0 != name }
            diagnostics.append(
                requiresDeclarations
                    ? Diagnostic(
                        .error, at: location,
                        "\(name) is not declared\(Suggestions.hint(for: name, in: known)); declare it, like <<declare \(name) = \(literal)>>"
                    )
                    : Diagnostic(
                        .warning, at: location,
                        "\(name) is not declared; it is taken to be \(type.withArticle) starting at \(literal) (declare it: <<declare \(name) = \(literal)>>)"
                    ))
        }
        var signatures = known
        for (name, inferred) in inference.inferredFunctions.sorted(by: { $0.key < $1.key }) {
            signatures[name] = inferred.signature
            diagnostics.append(
                Diagnostic(
                    .warning, at: inferred.location,
                    "'\(name)' is not a function this host offers; it is taken to be \(inferred.signature), and calling it will fail when the dialogue runs"
                ))
        }
        return (variables, initialValues, signatures, inference.untypedFunctions)
    }

    /// The lines with an explicit `#line:` id, reporting duplicates.
    private func explicitLines(_ nodes: [NodeSyntax], diagnostics: inout [Diagnostic]) -> [String: LineSyntax] {
        var seen: [String: LineSyntax] = [:]
        for node in nodes {
            StatementWalker.forEach(in: node.body) { statement in
                for line in StatementWalker.lines(of: statement) {
                    guard let id = line.explicitID else { continue }
                    if let first = seen[id] {
                        diagnostics.append(
                            Diagnostic(
                                .error, at: line.location,
                                "the line id '\(id)' is already used at \(first.location.file):\(first.location.line)"))
                    } else {
                        seen[id] = line
                    }
                }
            }
        }
        return seen
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
