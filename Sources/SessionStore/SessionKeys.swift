import Crypto
import Foundation
import Glibc

/// The secrets of a session store, kept in a key file apart from the database (mode 0600,
/// never in it, and if the operator wishes in another folder), so that a copied database
/// reveals neither who talked to gids nor what they said:
/// - session keys a bridge sends (`matrix:@anna:example.org`) are stored as a keyed hash
///   (HMAC-SHA256); only sessions with a consented follow-up keep their key, sealed, so
///   that `due` can name them;
/// - conversation states and the replies kept for a repeated line are sealed (AES-GCM,
///   with a key of their own derived from the secret), bound to their row's hash so that
///   a sealed state cannot be moved to another session.
/// (`@unchecked Sendable`: the keys and the keyed HMAC never change; the HMAC is copied
/// before each use.)
public struct SessionKeys: @unchecked Sendable {
    /// The key file's size: one 256-bit secret.
    static let secretSize = 32

    private let secret: SymmetricKey
    /// The key that seals states and replies, derived from the secret (HKDF) so that no key
    /// serves two purposes.
    private let sealingKey: SymmetricKey
    /// HMAC with the secret already absorbed: a copy of it hashes one key (started once,
    /// as keying it took as long as hashing).
    private let keyedHMAC: HMAC<SHA256>

    /// A fresh random secret (for an in-memory store).
    public init() {
        self.init(secret: SymmetricKey(size: .bits256))
    }

    private init(secret: SymmetricKey) {
        self.secret = secret
        sealingKey = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: secret, info: Data("gids session state".utf8), outputByteCount: Self.secretSize)
        keyedHMAC = HMAC(key: secret)
    }

    /// The secret in `file`. When the file does not exist and `allowCreating`, a new secret
    /// is written to it whole or not at all (a private temporary file, linked into place), so
    /// that two processes opening a new store at once end up with the same secret.
    public init(file: String, allowCreating: Bool) throws {
        if let secret = try Self.read(file) {
            self.init(secret: secret)
            return
        }
        guard allowCreating else { throw StoreError.missingKey(path: file) }
        let key = SymmetricKey(size: .bits256)
        let temporary = file + ".new-\(getpid())"
        let descriptor = Glibc.open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw StoreError.keyFile(path: file, detail: String(cString: strerror(errno))) }
        defer { unlink(temporary) }
        let written = key.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == Self.secretSize, synced else {
            throw StoreError.keyFile(path: file, detail: "could not write the key file")
        }
        if link(temporary, file) != 0 {
            // Another process created it first: use that one.
            guard errno == EEXIST, let secret = try Self.read(file) else {
                throw StoreError.keyFile(path: file, detail: String(cString: strerror(errno)))
            }
            self.init(secret: secret)
            return
        }
        self.init(secret: key)
    }

    /// The secret in `file`, or nil when there is no such file.
    private static func read(_ file: String) throws -> SymmetricKey? {
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        guard data.count == secretSize else {
            throw StoreError.keyFile(path: file, detail: "a key file holds \(secretSize) bytes, this one \(data.count)")
        }
        return SymmetricKey(data: data)
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
        try Self.sealed(Data(session.utf8), key: secret, boundTo: nil)
    }

    /// A sealed session key opened again; nil when it does not open with this key, or is not
    /// the key of the row `pseudonym` (a sealed name copied onto another session's row would
    /// otherwise name the wrong person).
    public func unseal(_ sealed: Data, for pseudonym: String) -> String? {
        guard let box = try? AES.GCM.SealedBox(combined: sealed), let opened = try? AES.GCM.open(box, using: secret)
        else { return nil }
        let session = String(decoding: opened, as: UTF8.self)
        return self.pseudonym(of: session) == pseudonym ? session : nil
    }

    /// The keyed hash of a fixed text, kept in the store: it tells whether a key file is the
    /// store's own without revealing anything about the key.
    var checkValue: String {
        keyedDigest(of: "gids: the key of this store")
    }

    /// A state or a reply sealed for the row of `pseudonym`.
    func seal(_ content: Data, for pseudonym: String) throws -> Data {
        try Self.sealed(content, key: sealingKey, boundTo: Data(pseudonym.utf8))
    }

    /// A state or a reply sealed by ``seal(_:for:)`` for the same row, opened again.
    func open(_ sealed: Data, for pseudonym: String) throws -> Data {
        try AES.GCM.open(AES.GCM.SealedBox(combined: sealed), using: sealingKey, authenticating: Data(pseudonym.utf8))
    }

    private static func sealed(_ content: Data, key: SymmetricKey, boundTo row: Data?) throws -> Data {
        let box =
            try row.map { try AES.GCM.seal(content, using: key, authenticating: $0) }
            ?? AES.GCM.seal(content, using: key)
        guard let combined = box.combined else { throw StoreError.keyFile(path: "", detail: "could not seal") }
        return combined
    }
}

/// A session key as the bridge sends it, with its stored form (see ``SessionKeys``).
public struct PseudonymisedKey: Sendable {
    public let key: String
    let pseudonym: String
}
