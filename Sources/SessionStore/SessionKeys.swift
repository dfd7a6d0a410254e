import Crypto
import Glibc
import Foundation

/// Pseudonymises the session keys a bridge sends (`matrix:@anna:example.org`) so that a
/// copied database does not reveal who talked to gids: rows are found by a keyed hash
/// (HMAC-SHA256), and only sessions with a consented follow-up keep their key, sealed
/// (AES-GCM), so that `due` can name them. The secret lives in a separate file beside
/// the database (mode 0600), never in it. (`@unchecked Sendable`: the key and the keyed
/// HMAC never change; the HMAC is copied before each use.)
public struct SessionKeys: @unchecked Sendable {
    private let secret: SymmetricKey
    /// HMAC with the secret already absorbed: a copy of it hashes one key (started once,
    /// as keying it took as long as hashing).
    private let keyedHMAC: HMAC<SHA256>

    /// A fresh random secret (for an in-memory store).
    public init() {
        self.init(secret: SymmetricKey(size: .bits256))
    }

    private init(secret: SymmetricKey) {
        self.secret = secret
        keyedHMAC = HMAC(key: secret)
    }

    /// The secret in `file`, created when `allowCreating` and the file does not exist.
    public init(file: String, allowCreating: Bool) throws {
        if let data = FileManager.default.contents(atPath: file) {
            guard data.count == 32 else { throw StoreError.unreadable(path: file, detail: "the key file must hold 32 bytes") }
            self.init(secret: SymmetricKey(data: data))
            return
        }
        guard allowCreating else { throw StoreError.missingKey(path: file) }
        let key = SymmetricKey(size: .bits256)
        let descriptor = Glibc.open(file, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw StoreError.unreadable(path: file, detail: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        let written = key.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == 32 else { throw StoreError.unreadable(path: file, detail: "could not write the key file") }
        self.init(secret: key)
    }

    /// A session key with its stored form, for ``SessionTransaction/read(_:)-([PseudonymisedKey])``:
    /// the keyed hash takes longer than reading the row, and can be worked out on any thread.
    public func pseudonymised(_ session: String) -> PseudonymisedKey {
        PseudonymisedKey(key: session, pseudonym: pseudonym(of: session))
    }

    /// The stored form of a session key.
    public func pseudonym(of session: String) -> String {
        keyedDigest(of: session)
    }

    /// The keyed hash of a text, as hexadecimal digits: it tells two texts apart without
    /// keeping either, and without the secret no one can check a guess against it.
    public func keyedDigest(of text: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex = [UInt8]()
        hex.reserveCapacity(64)
        var hmac = keyedHMAC
        hmac.update(data: Array(text.utf8))
        for byte in hmac.finalize() {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// The session key sealed for storage.
    public func seal(_ session: String) throws -> Data {
        guard let combined = try AES.GCM.seal(Data(session.utf8), using: secret).combined else {
            throw StoreError.unreadable(path: "", detail: "could not seal a session key")
        }
        return combined
    }

    /// A sealed session key opened again.
    public func unseal(_ sealed: Data) throws -> String {
        String(decoding: try AES.GCM.open(AES.GCM.SealedBox(combined: sealed), using: secret), as: UTF8.self)
    }
}

/// A session key as the bridge sends it, with its stored form (see ``SessionKeys``).
public struct PseudonymisedKey: Sendable {
    public let key: String
    let pseudonym: String
}
