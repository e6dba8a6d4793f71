package kz.qorgau.order.protectiveorder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.events.LegalBasis;
import kz.qorgau.events.Prohibition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The {@code protective_order} table. Callers provide the transaction. */
@Repository
public class ProtectiveOrders {

    private static final TypeReference<List<Prohibition>> PROHIBITIONS = new TypeReference<>() {};

    // Our own stored documents: tolerant of properties a newer version may add during a rolling deploy.
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final JdbcClient jdbc;

    public ProtectiveOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next value for an order number (a database sequence, so unique across instances). */
    public long nextOrderNumberValue() {
        return jdbc.sql("SELECT nextval('protective_order_number_seq')")
                .query(Long.class)
                .single();
    }

    /**
     * Inserts a new order whose first event has sequence number 1 (the caller writes that event to the
     * outbox in the same transaction).
     */
    public void insert(ProtectiveOrder order) {
        jdbc.sql(
                        """
                        INSERT INTO protective_order (id, order_number, status, district, police_unit, issued_by,
                            prohibitions, legal_basis_law, legal_basis_article, legal_basis_version, issued_at,
                            valid_until, offender, victim, last_event_sequence)
                        VALUES (:id, :orderNumber, :status, :district, :policeUnit, :issuedBy,
                            CAST(:prohibitions AS jsonb), :law, :article, :version, :issuedAt,
                            :validUntil, CAST(:offender AS jsonb), CAST(:victim AS jsonb), 1)
                        """)
                .param("id", order.id())
                .param("orderNumber", order.orderNumber())
                .param("status", order.status().name())
                .param("district", order.district())
                .param("policeUnit", order.policeUnit())
                .param("issuedBy", order.issuingOfficer())
                .param("prohibitions", JSON.writeValueAsString(order.prohibitions()))
                .param("law", order.legalBasis().law())
                .param("article", order.legalBasis().article())
                .param("version", order.legalBasis().version())
                .param("issuedAt", utc(order.issuedAt()))
                .param("validUntil", utc(order.validUntil()))
                .param("offender", JSON.writeValueAsString(order.offender()))
                .param("victim", JSON.writeValueAsString(order.victim()))
                .update();
    }

    public Optional<ProtectiveOrder> findById(UUID id) {
        return jdbc.sql("SELECT * FROM protective_order WHERE id = :id")
                .param("id", id)
                .query(ProtectiveOrders::map)
                .optional();
    }

    /**
     * Takes the next event sequence number of an order. The row stays locked until the caller's
     * transaction ends, so the order's events commit in sequence order.
     *
     * @throws IllegalArgumentException if there is no such order
     */
    public int nextEventSequence(UUID orderId) {
        return jdbc.sql(
                        """
                        UPDATE protective_order SET last_event_sequence = last_event_sequence + 1
                        WHERE id = :id RETURNING last_event_sequence
                        """)
                .param("id", orderId)
                .query(Integer.class)
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("no order " + orderId));
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM protective_order")
                .query(Long.class)
                .single();
    }

    private static ProtectiveOrder map(ResultSet row, int rowNumber) throws SQLException {
        return new ProtectiveOrder(
                row.getObject("id", UUID.class),
                row.getString("order_number"),
                OrderStatus.valueOf(row.getString("status")),
                row.getString("district"),
                row.getString("police_unit"),
                row.getString("issued_by"),
                JSON.readValue(row.getString("prohibitions"), PROHIBITIONS),
                new LegalBasis(
                        row.getString("legal_basis_law"),
                        row.getString("legal_basis_article"),
                        row.getString("legal_basis_version")),
                instant(row, "issued_at"),
                instant(row, "valid_until"),
                JSON.readValue(row.getString("offender"), Offender.class),
                JSON.readValue(row.getString("victim"), Victim.class));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
