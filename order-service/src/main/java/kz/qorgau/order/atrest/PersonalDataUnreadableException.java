package kz.qorgau.order.atrest;

import java.util.UUID;
import kz.qorgau.events.sealed.SealedFieldException;

/**
 * A stored ciphertext of an order does not open: its key is not in the ring, or it was altered or
 * copied from another row or column. The message names the order id, the column and the reason only.
 */
public class PersonalDataUnreadableException extends RuntimeException {

    private final transient UUID orderId;
    private final transient PersonalDataVault.Column column;
    private final transient SealedFieldException.Reason reason;

    PersonalDataUnreadableException(UUID orderId, PersonalDataVault.Column column, SealedFieldException cause) {
        // The cause's message names key ids and reasons only (SealedFieldCipher never includes plaintext).
        super(
                "personal data of order " + orderId + " in column " + column.columnName() + " cannot be opened: "
                        + cause.reason(),
                cause);
        this.orderId = orderId;
        this.column = column;
        this.reason = cause.reason();
    }

    public UUID orderId() {
        return orderId;
    }

    public PersonalDataVault.Column column() {
        return column;
    }

    public SealedFieldException.Reason reason() {
        return reason;
    }
}
