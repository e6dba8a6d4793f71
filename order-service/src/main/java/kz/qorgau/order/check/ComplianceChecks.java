package kz.qorgau.order.check;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.events.ComplianceCheckCorrected;
import kz.qorgau.events.ComplianceCheckRecorded;
import kz.qorgau.kit.problem.Problems;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.law.Law;
import kz.qorgau.order.lifecycle.Action;
import kz.qorgau.order.lifecycle.HappenedAt;
import kz.qorgau.order.lifecycle.OrderChanges;
import kz.qorgau.order.lifecycle.Times;
import kz.qorgau.order.protectiveorder.ProtectiveOrder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * Compliance checks of an order in force: recorded with when (and, optionally, how and where) they
 * happened and when they were entered. A correction is a new check naming the one it corrects; the
 * original stays as it was, so a check's history cannot be rewritten (evidence that a check really
 * happened matters: domain-notes 5.3).
 */
@Service
class ComplianceChecks {

    static final URI CHECK_NOT_FOUND = URI.create("urn:qorgau:problem:check-not-found");

    static ErrorResponseException notFound() {
        return Problems.error(
                HttpStatus.NOT_FOUND, CHECK_NOT_FOUND, "Check not found", "This order has no check with this id.");
    }

    private final OrderChanges changes;
    private final JdbcClient jdbc;
    private final Law law;

    ComplianceChecks(OrderChanges changes, JdbcClient jdbc, Law law) {
        this.changes = changes;
        this.jdbc = jdbc;
        this.law = law;
    }

    @Transactional
    public CheckRepresentation record(Staff staff, UUID orderId, String ifMatch, RecordCheckRequest request) {
        OrderChanges.Change change = changes.begin(staff, orderId, ifMatch, Action.RECORD_CHECK);
        ProtectiveOrder order = change.order();
        Instant checkedAt = HappenedAt.accept("checkedAt", request.checkedAt(), change.now(), order.servedAt(), law);
        UUID id = UUID.randomUUID();
        insert(id, orderId, staff, checkedAt, change.now(), request.method(), request.place(), null, null);
        changes.commit(
                change,
                new ComplianceCheckRecorded(
                        orderId.toString(),
                        order.orderNumber(),
                        order.district(),
                        order.policeUnit(),
                        id.toString(),
                        staff.subject(),
                        request.method(),
                        checkedAt,
                        change.now()));
        return find(id).orElseThrow();
    }

    @Transactional
    public CheckRepresentation correct(
            Staff staff, UUID orderId, UUID checkId, String ifMatch, CorrectCheckRequest request) {
        OrderChanges.Change change = changes.begin(staff, orderId, ifMatch, Action.CORRECT_CHECK);
        ProtectiveOrder order = change.order();
        CheckRepresentation original = jdbc.sql(
                        "SELECT * FROM compliance_check WHERE id = :id AND order_id = :orderId FOR UPDATE")
                .param("id", checkId)
                .param("orderId", orderId)
                .query(ComplianceChecks::map)
                .optional()
                .orElseThrow(() -> Problems.error(
                        HttpStatus.NOT_FOUND,
                        CHECK_NOT_FOUND,
                        "Check not found",
                        "This order has no check with this id."));
        boolean corrected = jdbc.sql("SELECT count(*) FROM compliance_check WHERE corrects = :id")
                        .param("id", checkId)
                        .query(Long.class)
                        .single()
                > 0;
        if (corrected) {
            throw OrderChanges.impossible("This check was corrected already: correct its correction instead.");
        }
        // The corrected time is judged as of the original's entry: a correction cannot reach further back.
        Instant checkedAt =
                HappenedAt.accept("checkedAt", request.checkedAt(), original.recordedAt(), order.servedAt(), law);
        UUID id = UUID.randomUUID();
        insert(
                id,
                orderId,
                staff,
                checkedAt,
                change.now(),
                request.method(),
                request.place(),
                checkId,
                request.reason());
        changes.commit(
                change,
                new ComplianceCheckCorrected(
                        orderId.toString(),
                        order.orderNumber(),
                        order.district(),
                        order.policeUnit(),
                        id.toString(),
                        checkId.toString(),
                        staff.subject(),
                        request.reason(),
                        request.method(),
                        checkedAt,
                        change.now()));
        return find(id).orElseThrow();
    }

    private void insert(
            UUID id,
            UUID orderId,
            Staff staff,
            Instant checkedAt,
            Instant recordedAt,
            ComplianceCheckRecorded.Method method,
            String place,
            UUID corrects,
            String reason) {
        jdbc.sql(
                        """
                        INSERT INTO compliance_check (id, order_id, checked_by, checked_at, recorded_at, method, place,
                            corrects, reason)
                        VALUES (:id, :orderId, :by, :checkedAt, :recordedAt, :method, :place, :corrects, :reason)
                        """)
                .param("id", id)
                .param("orderId", orderId)
                .param("by", staff.subject())
                .param("checkedAt", Times.utc(checkedAt))
                .param("recordedAt", Times.utc(recordedAt))
                .param("method", method == null ? null : method.name())
                .param("place", place)
                .param("corrects", corrects)
                .param("reason", reason)
                .update();
    }

    private Optional<CheckRepresentation> find(UUID id) {
        return jdbc.sql("SELECT * FROM compliance_check WHERE id = :id")
                .param("id", id)
                .query(ComplianceChecks::map)
                .optional();
    }

    private static CheckRepresentation map(ResultSet row, int rowNumber) throws SQLException {
        String method = row.getString("method");
        return new CheckRepresentation(
                row.getObject("id", UUID.class),
                row.getObject("order_id", UUID.class),
                Times.instant(row, "checked_at"),
                Times.instant(row, "recorded_at"),
                method == null ? null : ComplianceCheckRecorded.Method.valueOf(method),
                row.getString("place"),
                row.getObject("corrects", UUID.class),
                row.getString("reason"));
    }
}
