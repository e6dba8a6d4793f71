package kz.qorgau.order.document;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.kit.problem.Problems;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.law.LawProperties;
import kz.qorgau.order.protectiveorder.Offender;
import kz.qorgau.order.protectiveorder.OrderStatus;
import kz.qorgau.order.protectiveorder.ProtectiveOrder;
import kz.qorgau.order.protectiveorder.ProtectiveOrders;
import kz.qorgau.order.security.OrderAccess;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prints an order's document for the offender, with a verification code of its own, and answers
 * whether a code is genuine and its order in force. A code reveals nothing else: not the order, not
 * its dates, not who it protects.
 */
@Service
class OffenderDocuments {

    static final URI ORDER_ENDED = URI.create("urn:qorgau:problem:order-ended");

    private final ProtectiveOrders orders;
    private final OrderAccess access;
    private final JdbcClient jdbc;
    private final LawProperties law;
    private final Clock clock;
    private final DocumentRendering rendering;

    OffenderDocuments(ProtectiveOrders orders, OrderAccess access, JdbcClient jdbc, LawProperties law, Clock clock) {
        this.orders = orders;
        this.access = access;
        this.jdbc = jdbc;
        this.law = law;
        this.clock = clock;
        this.rendering = new DocumentRendering(law.zone());
    }

    /** The outcome of a verification: all anyone holding a code may learn. */
    record Verification(boolean genuine, boolean inForce) {

        static final Verification UNKNOWN = new Verification(false, false);
    }

    /**
     * A new copy of the document of an order {@code staff} may read in their own district (never under a
     * break-glass grant: printing is no emergency read); empty when there is none. An order that has
     * ended gets no new copy.
     */
    @Transactional
    Optional<byte[]> print(Staff staff, UUID orderId, URI verificationPage) {
        Optional<ProtectiveOrder> found =
                orders.findById(orderId).filter(order -> access.decide(staff, order) instanceof OrderAccess.Allowed);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ProtectiveOrder order = found.get();
        if (!order.status().isActive()) {
            throw Problems.error(
                    HttpStatus.CONFLICT,
                    ORDER_ENDED,
                    "Order ended",
                    "The order is " + order.status() + ": no new document is printed for it.");
        }
        VerificationCode code = VerificationCode.random();
        jdbc.sql("INSERT INTO offender_document (code_hash, order_id, printed_at, printed_by)"
                        + " VALUES (:hash, :order, :at, :by)")
                .param("hash", code.hash())
                .param("order", orderId)
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .param("by", staff.subject())
                .update();
        return Optional.of(rendering.render(new DocumentRendering.Content(
                order.orderNumber(),
                name(order.offender()),
                order.prohibitions(),
                order.servedAt(),
                order.validUntil(),
                law.term().days(),
                order.legalBasis(),
                order.policeUnit(),
                code,
                verificationPage)));
    }

    /** Genuine: printed by Qorgau. In force: its order is served and its term has not ended. */
    @Transactional(readOnly = true)
    Verification verify(VerificationCode code) {
        return jdbc.sql("SELECT o.status, o.valid_until FROM offender_document d"
                        + " JOIN protective_order o ON o.id = d.order_id WHERE d.code_hash = :hash")
                .param("hash", code.hash())
                .query((row, n) -> {
                    java.sql.Timestamp until = row.getTimestamp("valid_until");
                    boolean inForce = OrderStatus.valueOf(row.getString("status")) == OrderStatus.IN_FORCE
                            && until != null
                            && until.toInstant().isAfter(Instant.now(clock));
                    return new Verification(true, inForce);
                })
                .optional()
                .orElse(Verification.UNKNOWN);
    }

    private static String name(Offender offender) {
        String name = offender.lastName() + " " + offender.firstName();
        return offender.patronymic() == null ? name : name + " " + offender.patronymic();
    }
}
