package kz.qorgau.order.atrest;

import java.util.List;
import java.util.UUID;

/**
 * Rows that hold personal data sealed under the at-rest key ring, as the key rotation walks them: the
 * repository that owns the rows implements it, so this package depends on no feature.
 */
public interface SealedRows {

    /** The key id new and rotated rows are sealed with. */
    String activeKeyId();

    /** How many rows hold a ciphertext under another key than the active one. */
    long countNotUnderActiveKey();

    /**
     * Re-seals up to {@code limit} rows after {@code after} (in id order) under the active key, in the
     * caller's transaction.
     *
     * @param after {@code null} to start from the first row
     * @return the ids re-sealed, in id order
     */
    List<UUID> resealBatch(UUID after, int limit);
}
