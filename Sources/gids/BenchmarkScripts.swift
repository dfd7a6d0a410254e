/// Generated Yarn scripts for the benchmarks: large, varied, and valid.
enum BenchmarkScripts {
    /// A script of at least `bytes` bytes using most of the language: lines with inline
    /// expressions and markup, options with conditions and bodies, line groups, if blocks,
    /// sets, commands and jumps.
    static func large(bytes: Int) -> String {
        var script =
            "title: Start\n---\n<<declare $score = 0>>\n<<declare $name = \"Anna\">>\n<<declare $ready = false>>\n<<jump Node0>>\n===\n"
        var index = 0
        while script.utf8.count < bytes {
            script += """
                title: Node\(index)
                tags: generated
                ---
                // Node \(index): a little of everything.
                Guide: Hello {$name}, this is node \(index) and your score is {$score}. #tag\(index)
                => A [b]varied[/b] opening line for node \(index).
                => Another opening line for node \(index). <<if $score > \(index % 7)>>
                <<if $score % 2 == 0 and not $ready>>
                    Even score in node \(index), you have [plural value={$score} one="% point" other="% points"/].
                <<elseif $score > 100>>
                    A high score.
                <<else>>
                    Odd score, {$score * 2 + 1}.
                <<endif>>
                <<set $score += \(index % 5 + 1)>>
                <<flash screen {$score}>>
                -> Go on from node \(index)
                    <<set $ready to !$ready>>
                    <<jump Node\(index + 1)>>
                -> Stay a while <<if $score < 1000>>
                    Staying in node \(index).
                -> Leave
                    <<stop>>
                ===

                """
            index += 1
        }
        script += "title: Node\(index)\n---\nThe end.\n===\n"
        return script
    }

    /// A loop for measuring turns: each turn evaluates expressions, delivers lines and
    /// a line group, and ends at the next option set.
    static let loop = """
        title: Start
        ---
        <<declare $turns = 0>>
        <<declare $mood = "calm">>
        <<declare $heavy = false>>
        <<jump Loop>>
        ===
        title: Loop
        ---
        <<set $turns += 1>>
        Turn {$turns}: you feel {$mood}.
        => A first variant. <<if $turns % 3 == 0>>
        => A second variant.
        => A third variant.
        <<if $heavy and $turns > 10>>
            That sounds heavy.
        <<endif>>
        -> I feel calm
            <<set $mood = "calm">>
            <<set $heavy = false>>
        -> I feel tired
            <<set $mood = "tired">>
        -> It is heavy <<if $turns > 1>>
            <<set $heavy = true>>
        <<jump Loop>>
        ===
        """
}
