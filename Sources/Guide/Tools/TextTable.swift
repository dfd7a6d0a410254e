import Foundation

/// Rows of cells laid out as a plain-text table for the figures the tools print: the first
/// column left-aligned, the others right-aligned, two spaces apart.
enum TextTable {
    /// The rows (the first is the header), each line ending in a newline.
    static func render(_ rows: [[String]]) -> String {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == 0
                    ? cell.padding(toLength: widths[0], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
