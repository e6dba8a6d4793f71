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
import kz.qorgau.events.Measure;
import kz.qorgau.events.Prohibition;
import kz.qorgau.events.sealed.SealedField;
import kz.qorgau.order.atrest.PersonKeys;
import kz.qorgau.order.atrest.PersonalDataUnreadableException;
import kz.qorgau.order.atrest.PersonalDataVault;
import kz.qorgau.order.atrest.PersonalDataVault.Column;
import kz.qorgau.order.atrest.SealedRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code protective_order} table. Callers provide the transaction.
 *
 * <p>Offender and victim (names, IINs, contacts) are stored encrypted ({@link PersonalDataVault}, one
 * ciphertext per person, bound to the order id and column) and decrypted on read; beside them the
 * keyed blind index of each IIN lets {@link #findOrderIdsByPersonIin} find orders without any IIN in
 * clear (docs/adr/0009-personal-data-at-rest.md).
 */
@Repository
public class ProtectiveOrders implements SealedRows, OffenderRecords {

    private static final TypeReference<List<Prohibition>> PROHIBITIONS = new TypeReference<>() {};

    // Our own stored documents: tolerant of properties a newer version may add during a rolling deploy.
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final UUID BEFORE_EVERY_ID = new UUID(0, 0);

    private final JdbcClient jdbc;
    private final PersonalDataVault vault;

    private final PersonKeys keys;

    public ProtectiveOrders(JdbcClient jdbc, PersonalDataVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.keys = new PersonKeys(jdbc, vault, Column.OFFENDER);
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
                            valid_until, offender_sealed, victim_sealed, offender_iin_index, victim_iin_index,
                            last_event_sequence, repeat_offender, previous_order_id, offender_document_index,
                            victim_document_index)
                        VALUES (:id, :orderNumber, :status, :district, :policeUnit, :issuedBy,
                            CAST(:prohibitions AS jsonb), :law, :article, :version, :issuedAt,
                            :validUntil, CAST(:offender AS jsonb), CAST(:victim AS jsonb), :offenderIndex,
                            :victimIndex, 1, :repeatOffender, :previousOrderId, :documentIndex, :victimDocumentIndex)
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
                .param("offender", sealedJson(order.id(), Column.OFFENDER, order.offender()))
                .param("victim", sealedJson(order.id(), Column.VICTIM, order.victim()))
                .param("offenderIndex", order.offender().identity().personIndex(vault))
                .param("documentIndex", order.offender().identity().documentIndex(vault))
                .param("victimIndex", order.victim().personIndex(vault))
                .param("victimDocumentIndex", order.victim().documentIndex(vault))
                .param("repeatOffender", order.repeatOffender())
                .param("previousOrderId", order.previousOrderId())
                .update();
        indexProtectedPersons(order.id(), order.victim());
    }

    /** The blind indexes of the order's other protected persons, as {@code victim} names them now. */
    private void indexProtectedPersons(UUID orderId, Victim victim) {
        jdbc.sql("DELETE FROM protected_person_index WHERE order_id = :orderId")
                .param("orderId", orderId)
                .update();
        for (byte[] index : victim.protectedPersonIndexes(vault)) {
            jdbc.sql(
                            """
                            INSERT INTO protected_person_index (order_id, person_index) VALUES (:orderId, :index)
                            ON CONFLICT DO NOTHING
                            """)
                    .param("orderId", orderId)
                    .param("index", index)
                    .update();
        }
    }

    /** An amendment: the order's prohibitions and victim as they are now (the victim encrypted again). */
    public void amend(UUID orderId, List<Prohibition> prohibitions, Victim victim) {
        jdbc.sql(
                        """
                        UPDATE protective_order SET prohibitions = CAST(:prohibitions AS jsonb),
                            victim_sealed = CAST(:victim AS jsonb)
                        WHERE id = :id
                        """)
                .param("prohibitions", JSON.writeValueAsString(prohibitions))
                .param("victim", sealedJson(orderId, Column.VICTIM, victim))
                .param("id", orderId)
                .update();
        indexProtectedPersons(orderId, victim);
    }

    /**
     * The offender's orders issued since {@code since}, or still issued or in force, newest first: a new
     * order against them repeats the latest, and warns of one still active.
     */
    public List<OffenderOrder> findOffenderOrders(Offender offender, Instant since) {
        OffenderIndex index;
        if (offender.iin() != null) {
            index = OffenderIndex.ofIin(vault, offender.iin());
        } else if (offender.document() != null) {
            index = OffenderIndex.ofDocument(vault, offender.document());
        } else {
            // An unidentified person has no earlier orders that anyone could tell were theirs.
            return List.of();
        }
        return jdbc.sql(
                        "SELECT id, order_number, police_unit, status, issued_at FROM protective_order WHERE "
                                + index.column()
                                + """
                         = :index
                          AND (issued_at >= :since OR status IN ('ISSUED', 'IN_FORCE'))
                        ORDER BY issued_at DESC, id
                        """)
                .param("index", index.value())
                .param("since", utc(since))
                .query((row, n) -> new OffenderOrder(
                        row.getObject("id", UUID.class),
                        row.getString("order_number"),
                        row.getString("police_unit"),
                        OrderStatus.valueOf(row.getString("status")),
                        instant(row, "issued_at")))
                .list();
    }

    /** What a new order may learn of the offender's other orders: number and unit, never their district's data. */
    public record OffenderOrder(UUID id, String orderNumber, String policeUnit, OrderStatus status, Instant issuedAt) {}

    /**
     * @throws PersonalDataUnreadableException if the order's personal data does not decrypt (unknown
     *     key, or a ciphertext altered or copied from another row)
     */
    public Optional<ProtectiveOrder> findById(UUID id) {
        return jdbc.sql("SELECT * FROM protective_order WHERE id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /**
     * The ids of the orders in which a person with this IIN is the offender or the victim, oldest first.
     * Looks up the keyed blind index; the IIN itself is never stored or sent to the database in clear.
     */
    public List<UUID> findOrderIdsByPersonIin(String iin) {
        if (!Iin.isValid(iin)) {
            return List.of();
        }
        byte[] index = vault.blindIndex(iin);
        return jdbc.sql(
                        """
                        SELECT id FROM protective_order
                        WHERE offender_iin_index = :index OR victim_iin_index = :index
                        ORDER BY issued_at, id
                        """)
                .param("index", index)
                .query(UUID.class)
                .list();
    }

    /**
     * The orders against the offender found by {@code index} (the IIN's or a document's blind index), oldest first,
     * as a person check reads them: in one query, nothing sealed opened.
     */
    public List<CheckedOrder> checkedAgainst(OffenderIndex index) {
        return jdbc.sql(CHECKED + " WHERE o." + index.column() + " = :index ORDER BY o.issued_at, o.id")
                .param("index", index.value())
                .query(ProtectiveOrders::checkedOrder)
                .list();
    }

    /**
     * The orders protecting the person {@code person} finds (by IIN or by document), as the victim or another
     * protected person, who is not their offender, oldest first (docs/adr/0037), as a person check reads them.
     */
    public List<CheckedOrder> checkedProtecting(OffenderIndex person) {
        return jdbc.sql(CHECKED + " WHERE " + protecting(person) + " ORDER BY o.issued_at, o.id")
                .param("index", person.value())
                .query(ProtectiveOrders::checkedOrder)
                .list();
    }

    /** The columns of a {@link CheckedOrder}: no sealed column. */
    private static final String CHECKED = "SELECT o.id, o.order_number, o.status, o.district, o.police_unit,"
            + " o.prohibitions, o.issued_at, o.valid_until, o.served_at FROM protective_order o";

    private static CheckedOrder checkedOrder(ResultSet row, int rowNumber) throws SQLException {
        return new CheckedOrder(
                row.getObject("id", UUID.class),
                row.getString("order_number"),
                OrderStatus.valueOf(row.getString("status")),
                row.getString("district"),
                row.getString("police_unit"),
                JSON.readValue(row.getString("prohibitions"), PROHIBITIONS),
                instant(row, "issued_at"),
                instant(row, "valid_until"),
                instant(row, "served_at"));
    }

    /**
     * Every order protecting the person {@code person} finds, as the victim or another protected person, in any
     * district and state, without personal data: for a person's history (docs/adr/0039).
     */
    public List<PersonMeasure> protectingPerson(OffenderIndex person) {
        return jdbc.sql("SELECT id, order_number, district, status, issued_at, valid_until FROM protective_order o"
                        + " WHERE " + protecting(person))
                .param("index", person.value())
                .query(this::personMeasure)
                .list();
    }

    /** Where order {@code o} protects the person {@code :index} finds and is not that person's offender. */
    private static String protecting(OffenderIndex person) {
        // Both columns are constants: the victim's column beside the offender's that the index names.
        String victimColumn =
                person.column().equals("offender_document_index") ? "victim_document_index" : "victim_iin_index";
        return "o.id IN (" + protectedBy(victimColumn) + ") AND o." + person.column() + " IS DISTINCT FROM :index";
    }

    /**
     * The ids of the orders whose victim ({@code victimColumn}) or another protected person is {@code :index}: a
     * union of two index lookups. Written as "victim = :index OR EXISTS (…)", PostgreSQL scans every order (10
     * million in the bench: seconds per check, docs/performance.md).
     */
    private static String protectedBy(String victimColumn) {
        return "SELECT v.id FROM protective_order v WHERE v." + victimColumn + " = :index"
                + " UNION SELECT p.order_id FROM protected_person_index p WHERE p.person_index = :index";
    }

    /**
     * The orders whose victim or another protected person is found by the document's blind index {@code
     * documentIndex}, locked until the caller's transaction ends, in id order (docs/adr/0039).
     */
    public List<ProtectiveOrder> lockProtecting(byte[] documentIndex) {
        return jdbc.sql(
                        """
                        SELECT * FROM protective_order o WHERE o.id IN (%s)
                        ORDER BY id FOR UPDATE
                        """
                                .formatted(protectedBy("victim_document_index")))
                .param("index", documentIndex)
                .query(this::map)
                .list();
    }

    /**
     * Order {@code id}'s victim as a link to an IIN left it (docs/adr/0039): sealed again, the victim's key the IIN's
     * blind index once the victim has one (the document's index stays), the protected persons indexed by both, the
     * version raised.
     */
    public void linkProtected(UUID id, Victim victim) {
        jdbc.sql(
                        """
                        UPDATE protective_order SET victim_sealed = CAST(:victim AS jsonb), victim_iin_index = :key,
                            version = version + 1
                        WHERE id = :id
                        """)
                .param("victim", sealedJson(id, Column.VICTIM, victim))
                .param("key", victim.personIndex(vault))
                .param("id", id)
                .update();
        indexProtectedPersons(id, victim);
    }

    /**
     * One batch of a key rotation: locks up to {@code limit} orders whose id is greater than {@code
     * after} and that hold a ciphertext under another key than the active one, and re-encrypts them
     * under the active key. Call in a transaction; the result's last id is the next batch's {@code after}.
     *
     * @param after {@code null} to start from the first order
     * @return the ids of the orders re-encrypted, in id order
     */
    @Override
    public List<UUID> resealBatch(UUID after, int limit) {
        String active = vault.activeKeyId();
        List<UUID> ids = jdbc.sql(
                        """
                        SELECT id FROM protective_order
                        WHERE id > :after
                          AND (offender_sealed ->> 'keyId' <> :active OR victim_sealed ->> 'keyId' <> :active)
                        ORDER BY id LIMIT :limit
                        FOR UPDATE
                        """)
                .param("after", after == null ? BEFORE_EVERY_ID : after)
                .param("active", active)
                .param("limit", limit)
                .query(UUID.class)
                .list();
        for (UUID id : ids) {
            ProtectiveOrder order = findById(id).orElseThrow();
            jdbc.sql(
                            """
                            UPDATE protective_order
                            SET offender_sealed = CAST(:offender AS jsonb), victim_sealed = CAST(:victim AS jsonb)
                            WHERE id = :id
                            """)
                    .param("id", id)
                    .param("offender", sealedJson(id, Column.OFFENDER, order.offender()))
                    .param("victim", sealedJson(id, Column.VICTIM, order.victim()))
                    .update();
        }
        return ids;
    }

    /** How many orders hold a ciphertext under another key than the active one. */
    @Override
    public long countNotUnderActiveKey() {
        return jdbc.sql(
                        """
                        SELECT count(*) FROM protective_order
                        WHERE offender_sealed ->> 'keyId' <> :active OR victim_sealed ->> 'keyId' <> :active
                        """)
                .param("active", vault.activeKeyId())
                .query(Long.class)
                .single();
    }

    /** The key id new and rotated rows are encrypted with. */
    @Override
    public String activeKeyId() {
        return vault.activeKeyId();
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

    /**
     * Whether the person {@code offender} names (by IIN or document) is the offender of the order {@code
     * orderId}; never an unidentified person, whom nothing can match.
     */
    public boolean isOffenderOf(UUID orderId, OffenderIdentity offender) {
        OffenderIndex index = offender.index(vault);
        if (index == null) {
            return false;
        }
        return jdbc.sql("SELECT count(*) FROM protective_order WHERE id = :id AND " + index.column() + " = :index")
                        .param("id", orderId)
                        .param("index", index.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    public Measure measure() {
        return Measure.PROTECTIVE_ORDER;
    }

    @Override
    public Optional<OffenderRecord> lockOffender(UUID id) {
        return jdbc.sql("SELECT * FROM protective_order WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(this::map)
                .optional()
                .map(order -> offenderRecord(order, keys.of(id)));
    }

    @Override
    public List<OffenderRecord> linkToIin(byte[] personIndex, String iin) {
        List<ProtectiveOrder> rows = keys.lockedRows(personIndex, this::map);
        rows.forEach(row -> keys.link(row.id(), row.offender().withIin(iin), iin));
        return rows.stream().map(row -> offenderRecord(row, personIndex)).toList();
    }

    @Override
    public List<PersonMeasure> againstPerson(OffenderIndex index) {
        return jdbc.sql("SELECT id, order_number, district, status, issued_at, valid_until FROM protective_order"
                        + " WHERE " + index.column() + " = :index")
                .param("index", index.value())
                .query(this::personMeasure)
                .list();
    }

    private PersonMeasure personMeasure(ResultSet row, int rowNumber) throws SQLException {
        return new PersonMeasure(
                Measure.PROTECTIVE_ORDER,
                row.getObject("id", UUID.class),
                row.getObject("id", UUID.class),
                row.getString("order_number"),
                row.getString("district"),
                row.getString("status"),
                instant(row, "issued_at"),
                instant(row, "valid_until"));
    }

    private static OffenderRecord offenderRecord(ProtectiveOrder order, byte[] personIndex) {
        return new OffenderRecord(
                Measure.PROTECTIVE_ORDER,
                order.id(),
                order.id(),
                order.district(),
                order.version(),
                personIndex,
                order.offender().identity());
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM protective_order")
                .query(Long.class)
                .single();
    }

    private String sealedJson(UUID orderId, Column column, Object value) {
        return JSON.writeValueAsString(vault.seal(orderId, column, value));
    }

    private <T> T open(UUID orderId, ResultSet row, Column column, Class<T> type) throws SQLException {
        SealedField sealed = JSON.readValue(row.getString(column.columnName()), SealedField.class);
        return vault.open(orderId, column, sealed, type);
    }

    private ProtectiveOrder map(ResultSet row, int rowNumber) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        return new ProtectiveOrder(
                id,
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
                open(id, row, Column.OFFENDER, Offender.class),
                open(id, row, Column.VICTIM, Victim.class),
                instant(row, "served_at"),
                row.getInt("version"),
                row.getBoolean("repeat_offender"),
                row.getObject("previous_order_id", UUID.class));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
