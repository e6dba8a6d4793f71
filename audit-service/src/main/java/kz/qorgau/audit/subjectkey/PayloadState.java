package kz.qorgau.audit.subjectkey;

/** What a reader can make of an encrypted payload (docs/adr/0031). */
public enum PayloadState {
    /** Decrypted: the record value as received. */
    READABLE,
    /** Its key was destroyed when retention ended, as an entry of the trail says: the payload is gone. */
    SHREDDED,
    /** No row for its key: never expected; a key lost, e.g. with a backup older than the key. */
    KEY_MISSING,
    /** The key does not open it: the stored bytes, the key or the key-encryption key are not those sealed. */
    NOT_AUTHENTIC
}
