/// Who a session is: the bytes of its name, not the name as Swift compares strings.
///
/// Swift's `String` equality is canonical equivalence: "josé" written with a precomposed é and
/// with e and a combining accent are one String, and "Å" as U+00C5, U+212B or A with a ring
/// too. Chat platforms give them as different names of different people, and the store keys
/// them by their bytes, so grouping the lines of a batch must too: otherwise two people share
/// one conversation, and one reads what the other typed.
struct SessionIdentity: Hashable, Sendable {
    let bytes: [UInt8]

    init(_ name: String) {
        bytes = Array(name.utf8)
    }
}
