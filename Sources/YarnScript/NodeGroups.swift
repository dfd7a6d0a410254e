import DialogueRuntime

/// The nodes of a project, unique by name, with its node groups: nodes that share a title and
/// carry `when:` headers. Jumping to the title runs a hub that picks one member by the
/// saliency strategy. A member is named `Title.subtitle` when it has a `subtitle:` header,
/// else `Title.` and a hash of its headers and body, so the name stays put when other nodes move.
struct NodeGroups {
    /// Every node, ordinary ones and group members, with its file, in source order.
    private(set) var nodes: [(syntax: NodeSyntax, file: String)] = []
    /// The members of each group by the group's title, in source order.
    private(set) var members: [String: [NodeSyntax]] = [:]

    /// Every name a jump may go to: ordinary nodes, groups and group members.
    var names: Set<String> { Set(nodes.map(\.syntax.name)).union(members.keys) }

    static func resolve(_ files: [FileSyntax], diagnostics: inout [Diagnostic]) -> NodeGroups {
        var all: [(syntax: NodeSyntax, file: String)] = []
        for file in files { all += file.nodes.map { ($0, file.path) } }
        let grouped = Set(all.filter { !$0.syntax.whenHeaders.isEmpty }.map(\.syntax.title))
        var result = NodeGroups()
        var firstByTitle: [String: SourceLocation] = [:]
        var subtitles: [String: SourceLocation] = [:]
        var memberNames: Set<String> = []
        for (node, file) in all {
            var node = node
            guard grouped.contains(node.title) else {
                if let first = firstByTitle[node.title] {
                    diagnostics.append(.duplicate("a node named '\(node.title)'", at: node.titleLocation, first: first))
                    continue
                }
                firstByTitle[node.title] = node.titleLocation
                result.nodes.append((node, file))
                continue
            }
            guard !node.whenHeaders.isEmpty else {
                diagnostics.append(
                    Diagnostic(
                        .error, at: node.titleLocation,
                        "other nodes named '\(node.title)' have 'when:' headers, which makes them a node group, so this one needs one too (like 'when: always')"
                    ))
                continue
            }
            if let subtitle = node.subtitle {
                guard FileParser.isValidTitle(subtitle) else {
                    diagnostics.append(
                        Diagnostic(
                            .error, at: node.titleLocation,
                            "'\(subtitle)' is not a valid subtitle: use letters, digits and '_', starting with a letter or '_'"
                        ))
                    continue
                }
                let key = node.title + "." + subtitle
                if let first = subtitles[key] {
                    diagnostics.append(
                        Diagnostic(
                            .error, at: node.titleLocation,
                            "there is already a node '\(node.title)' with the subtitle '\(subtitle)' (at \(first.file):\(first.line)); each member of a node group needs its own"
                        ))
                    continue
                }
                subtitles[key] = node.titleLocation
                node.name = key
            } else {
                let whens = node.headers.filter { $0.key == "when" }.map(\.value).joined(separator: "\n")
                let hash = StableHash.of(whens + "\n" + String(node.bodyVersion, radix: 16))
                node.name = node.title + "." + String(String(hash, radix: 16).suffix(8))
            }
            var unique = node.name
            var counter = 2
            while memberNames.contains(unique) {
                unique = "\(node.name)_\(counter)"
                counter += 1
            }
            node.name = unique
            memberNames.insert(unique)
            result.nodes.append((node, file))
            result.members[node.title, default: []].append(node)
        }
        return result
    }
}
