package kz.qorgau.notification.contacts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.events.NotificationChannel;
import kz.qorgau.events.json.EventJson;
import kz.qorgau.events.sealed.SealedField;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code victim_contact} table (db/migration/V5): rows, their states and their deletion. */
@Repository
class VictimContactsLedger {

    private final JdbcClient jdbc;

    VictimContactsLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the contact unless this event's contact at this position is there already; true if added. */
    boolean insert(Row row) {
        return jdbc.sql(
                                """
                        INSERT INTO victim_contact (id, order_id, event_id, position, district, channel, language,
                            quiet_from, quiet_until, address_sealed, code_sealed, code_expires_at, phone_index, state,
                            created_at, verified_at, opted_out_at, opted_out_via, order_number, police_unit)
                        VALUES (:id, :orderId, :eventId, :position, :district, :channel, :language, :quietFrom,
                            :quietUntil, CAST(:address AS jsonb), CAST(:code AS jsonb), :codeExpiresAt, :phoneIndex,
                            :state, :now, :verifiedAt, :optedOutAt, :optedOutVia, :orderNumber, :policeUnit)
                        ON CONFLICT (event_id, position) DO NOTHING
                        """)
                        .param("id", row.id())
                        .param("orderId", row.orderId())
                        .param("eventId", row.eventId())
                        .param("position", row.position())
                        .param("district", row.district())
                        .param("channel", row.channel().name())
                        .param("language", row.language())
                        .param("quietFrom", row.quietFrom())
                        .param("quietUntil", row.quietUntil())
                        .param("address", json(row.address()))
                        .param("code", json(row.code()))
                        .param("codeExpiresAt", row.codeExpiresAt())
                        .param("phoneIndex", row.phoneIndex())
                        .param("state", row.state().name())
                        .param("now", row.createdAt())
                        .param("verifiedAt", row.verifiedAt())
                        .param("optedOutAt", row.optedOutAt())
                        .param("optedOutVia", row.optedOutVia())
                        .param("orderNumber", row.orderNumber())
                        .param("policeUnit", row.policeUnit())
                        .update()
                == 1;
    }

    /** The order's contacts that an event other than {@code eventId} brought and that are not replaced. */
    List<Row> currentOf(UUID orderId, UUID otherThanEvent) {
        return jdbc.sql("SELECT * FROM victim_contact WHERE order_id = :orderId AND event_id <> :eventId"
                        + " AND state <> 'REPLACED' ORDER BY created_at, position")
                .param("orderId", orderId)
                .param("eventId", otherThanEvent)
                .query(VictimContactsLedger::map)
                .list();
    }

    /** Replaced by an amendment: gets nothing more, deleted at {@code deleteAfter}. */
    void replace(UUID id, OffsetDateTime deleteAfter) {
        jdbc.sql("UPDATE victim_contact SET state = 'REPLACED', code_sealed = NULL, delete_after = :at WHERE id = :id")
                .param("id", id)
                .param("at", deleteAfter)
                .update();
    }

    /** Every contact of the order, most preferred first. */
    List<Row> ofOrder(UUID orderId) {
        return jdbc.sql("SELECT * FROM victim_contact WHERE order_id = :orderId ORDER BY created_at, position")
                .param("orderId", orderId)
                .query(VictimContactsLedger::map)
                .list();
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("SELECT * FROM victim_contact WHERE id = :id")
                .param("id", id)
                .query(VictimContactsLedger::map)
                .optional();
    }

    /** The row, locked for the caller's transaction. */
    Optional<Row> lock(UUID id) {
        return jdbc.sql("SELECT * FROM victim_contact WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(VictimContactsLedger::map)
                .optional();
    }

    /** The ids of the contacts with this phone's blind index that may still be opted out. */
    List<UUID> withPhone(byte[] phoneIndex) {
        return jdbc.sql("SELECT id FROM victim_contact WHERE phone_index = :index"
                        + " AND state NOT IN ('OPTED_OUT', 'REPLACED') ORDER BY created_at")
                .param("index", phoneIndex)
                .query(UUID.class)
                .list();
    }

    /** The order's verified contacts, most preferred first: who is told of its life. */
    List<Row> verifiedOf(UUID orderId) {
        return jdbc.sql("SELECT * FROM victim_contact WHERE order_id = :orderId AND state = 'VERIFIED'"
                        + " ORDER BY created_at, position")
                .param("orderId", orderId)
                .query(VictimContactsLedger::map)
                .list();
    }

    /** The verified contacts with this phone's blind index (an inbound reply's sender), newest first. */
    List<Row> verifiedWithPhone(byte[] phoneIndex) {
        return jdbc.sql("SELECT * FROM victim_contact WHERE phone_index = :index AND state = 'VERIFIED'"
                        + " ORDER BY created_at DESC")
                .param("index", phoneIndex)
                .query(VictimContactsLedger::map)
                .list();
    }

    void wrongCode(UUID id, int wrongCodes, boolean locked) {
        jdbc.sql(
                        """
                UPDATE victim_contact SET wrong_codes = :wrong, state = CASE WHEN :locked THEN 'LOCKED' ELSE state END,
                    code_sealed = CASE WHEN :locked THEN NULL ELSE code_sealed END
                WHERE id = :id
                """)
                .param("id", id)
                .param("wrong", wrongCodes)
                .param("locked", locked)
                .update();
    }

    void verified(UUID id, OffsetDateTime at) {
        jdbc.sql("UPDATE victim_contact SET state = 'VERIFIED', verified_at = :at, code_sealed = NULL,"
                        + " code_expires_at = NULL WHERE id = :id")
                .param("id", id)
                .param("at", at)
                .update();
    }

    void optedOut(UUID id, OffsetDateTime at, String via) {
        jdbc.sql("UPDATE victim_contact SET state = 'OPTED_OUT', opted_out_at = :at, opted_out_via = :via,"
                        + " code_sealed = NULL, code_expires_at = NULL WHERE id = :id")
                .param("id", id)
                .param("at", at)
                .param("via", via)
                .update();
    }

    /** The order ended: its contacts are deleted at {@code deleteAfter} (the earliest such time is kept). */
    int orderEnded(UUID orderId, OffsetDateTime deleteAfter) {
        return jdbc.sql("UPDATE victim_contact SET delete_after = :at WHERE order_id = :orderId"
                        + " AND (delete_after IS NULL OR delete_after > :at)")
                .param("orderId", orderId)
                .param("at", deleteAfter)
                .update();
    }

    /** Deletes up to {@code limit} rows due for deletion; how many. */
    int deleteDue(OffsetDateTime now, int limit) {
        return jdbc.sql(
                        """
                DELETE FROM victim_contact WHERE id IN (
                    SELECT id FROM victim_contact WHERE delete_after <= :now ORDER BY delete_after LIMIT :limit
                    FOR UPDATE SKIP LOCKED)
                """)
                .param("now", now)
                .param("limit", limit)
                .update();
    }

    private static String json(SealedField field) {
        return field == null ? null : EventJson.mapper().writeValueAsString(field);
    }

    private static SealedField field(ResultSet row, String column) throws SQLException {
        String json = row.getString(column);
        return json == null ? null : EventJson.mapper().readValue(json, SealedField.class);
    }

    private static Row map(ResultSet row, int number) throws SQLException {
        return new Row(
                row.getObject("id", UUID.class),
                row.getObject("order_id", UUID.class),
                row.getObject("event_id", UUID.class),
                row.getInt("position"),
                row.getString("district"),
                NotificationChannel.valueOf(row.getString("channel")),
                row.getString("language"),
                row.getObject("quiet_from", LocalTime.class),
                row.getObject("quiet_until", LocalTime.class),
                field(row, "address_sealed"),
                field(row, "code_sealed"),
                row.getObject("code_expires_at", OffsetDateTime.class),
                row.getBytes("phone_index"),
                ContactState.valueOf(row.getString("state")),
                row.getInt("wrong_codes"),
                row.getObject("created_at", OffsetDateTime.class),
                row.getObject("verified_at", OffsetDateTime.class),
                row.getObject("opted_out_at", OffsetDateTime.class),
                row.getString("opted_out_via"),
                row.getString("order_number"),
                row.getString("police_unit"));
    }

    /** One row; its address and code sealed. */
    record Row(
            UUID id,
            UUID orderId,
            UUID eventId,
            int position,
            String district,
            NotificationChannel channel,
            String language,
            LocalTime quietFrom,
            LocalTime quietUntil,
            SealedField address,
            SealedField code,
            OffsetDateTime codeExpiresAt,
            byte[] phoneIndex,
            ContactState state,
            int wrongCodes,
            OffsetDateTime createdAt,
            OffsetDateTime verifiedAt,
            OffsetDateTime optedOutAt,
            String optedOutVia,
            String orderNumber,
            String policeUnit) {}
}
