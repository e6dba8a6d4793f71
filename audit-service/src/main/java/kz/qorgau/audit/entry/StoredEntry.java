package kz.qorgau.audit.entry;

import kz.qorgau.auditlog.AuditEntry;

/**
 * An entry as the database holds it: its fields and the hashes stored beside them. Whether the
 * hashes still fit the fields is what verification checks.
 */
public record StoredEntry(AuditEntry entry, LeafHash leafHash, ChainHash chainHash) {

    public long sequence() {
        return entry.sequence();
    }
}
