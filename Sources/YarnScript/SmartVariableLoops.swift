/// Smart variables may read other smart variables, but never, through any chain of them,
/// themselves: such a value could never be worked out.
enum SmartVariableLoops {
    /// One error for each loop, at the declaration of its first member in the files.
    static func errors(in smartVariables: [String: Declarations.SmartVariable]) -> [Diagnostic] {
        var reads: [String: [String]] = [:]
        for (name, smart) in smartVariables {
            var names: [String] = []
            smart.expression.forEach { part in
                if case .variable(let read) = part.kind, smartVariables[read] != nil, !names.contains(read) {
                    names.append(read)
                }
            }
            reads[name] = names
        }
        var errors: [Diagnostic] = []
        var finished: Set<String> = []
        for (name, smart) in smartVariables.sorted(by: { $0.value.location < $1.value.location }) {
            guard !finished.contains(name), let loop = loop(from: name, reads: reads, finished: &finished) else {
                continue
            }
            finished.formUnion(loop)
            errors.append(
                Diagnostic(
                    .error, at: smart.location,
                    "\(name) is worked out from itself (\(loop.joined(separator: " → "))); a smart variable cannot depend on itself"
                ))
        }
        return errors
    }

    /// The first loop found by following reads from `start` (`$A`, `$B`, `$A`), marking every
    /// variable whose reads were all followed.
    private static func loop(from start: String, reads: [String: [String]], finished: inout Set<String>) -> [String]? {
        var path: [String] = []
        func visit(_ name: String) -> [String]? {
            if let index = path.firstIndex(of: name) { return Array(path[index...]) + [name] }
            guard !finished.contains(name) else { return nil }
            path.append(name)
            for next in reads[name] ?? [] {
                if let found = visit(next) { return found }
            }
            path.removeLast()
            finished.insert(name)
            return nil
        }
        return visit(start)
    }
}
