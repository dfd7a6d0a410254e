/// The binary storage form of a shown line (see ``BinaryWriter``): its text, then each
/// attribute's name, position, length and properties sorted by name.
extension BinaryWriter {
    public mutating func markedUpText(_ line: MarkedUpText) {
        string(line.text)
        array(line.attributes) { writer, attribute in
            writer.string(attribute.name)
            writer.count(attribute.position)
            writer.count(attribute.length)
            writer.dictionary(attribute.properties) { $0.markupValue($1) }
        }
    }

    private mutating func markupValue(_ value: MarkupValue) {
        switch value {
        case .bool(let flag): bool(flag)
        case .integer(let number):
            byte(2)
            integer(number)
        case .float(let number):
            byte(3)
            float(number)
        case .string(let text):
            byte(4)
            string(text)
        }
    }
}

extension BinaryReader {
    public mutating func markedUpText() throws(BinaryStateError) -> MarkedUpText {
        let text = try string()
        let attributes = try array { reader throws(BinaryStateError) in
            let name = try reader.string()
            let position = try reader.count()
            let length = try reader.count()
            let properties = try reader.dictionary { reader throws(BinaryStateError) in try reader.markupValue() }
            return MarkupAttribute(name: name, position: position, length: length, properties: properties)
        }
        return MarkedUpText(text: text, attributes: attributes)
    }

    private mutating func markupValue() throws(BinaryStateError) -> MarkupValue {
        switch try byte() {
        case 0: return .bool(false)
        case 1: return .bool(true)
        case 2: return .integer(try integer())
        case 3: return .float(try float())
        case 4: return .string(try string())
        default: throw .malformed
        }
    }
}
