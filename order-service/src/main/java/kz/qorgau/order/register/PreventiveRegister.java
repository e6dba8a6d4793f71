package kz.qorgau.order.register;

import java.time.Instant;
import java.util.UUID;
import kz.qorgau.events.Measure;
import kz.qorgau.events.RegisterEntered;
import kz.qorgau.events.RegisterExited;
import kz.qorgau.order.lifecycle.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The preventive register: an offender is on it while a protective order, special requirements or a ban
 * on approaching are in force against them. One row per offender (by the IIN's blind index), inserted when a measure comes
 * into force for an offender who had none (RegisterEntered) and deleted when the last one ends
 * (RegisterExited), each event naming the measure that caused it. Called in the transaction of the
 * measure's own change, after its status changed, so the row and the events commit with it.
 */
@Component
public class PreventiveRegister {

    /** A measure that came into force or ended. {@code orderId} is the order it concerns, if any. */
    public record Cause(Measure measure, UUID measureId, UUID orderId, String district, Instant at) {}

    private final JdbcClient jdbc;
    private final MeasureEvents events;

    PreventiveRegister(JdbcClient jdbc, MeasureEvents events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** {@code cause} came into force: its offender enters the register unless already on it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean cameIntoForce(Cause cause) {
        int entered = jdbc.sql(
                        """
                        INSERT INTO preventive_register (offender_iin_index, measure, measure_id, entered_at)
                        VALUES (:index, :measure, :measureId, :at)
                        ON CONFLICT (offender_iin_index) DO NOTHING
                        """)
                .param("index", offenderIndex(cause))
                .param("measure", cause.measure().name())
                .param("measureId", cause.measureId())
                .param("at", Times.utc(cause.at()))
                .update();
        if (entered == 1) {
            events.publish(new RegisterEntered(
                    text(cause.orderId()),
                    cause.measureId().toString(),
                    cause.measure(),
                    cause.district(),
                    cause.at()));
        }
        return entered == 1;
    }

    /** {@code cause} ended (its status already changed): its offender leaves if nothing else is in force. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean ended(Cause cause) {
        byte[] index = offenderIndex(cause);
        long stillInForce = jdbc.sql(
                        """
                        SELECT (SELECT count(*) FROM protective_order
                                WHERE offender_iin_index = :index AND status = 'IN_FORCE')
                             + (SELECT count(*) FROM special_requirements
                                WHERE offender_iin_index = :index AND status IN ('IN_FORCE', 'EXTENDED'))
                             + (SELECT count(*) FROM approach_ban
                                WHERE offender_iin_index = :index AND status = 'IN_FORCE')
                        """)
                .param("index", index)
                .query(Long.class)
                .single();
        if (stillInForce > 0) {
            return false;
        }
        int exited = jdbc.sql("DELETE FROM preventive_register WHERE offender_iin_index = :index")
                .param("index", index)
                .update();
        if (exited == 1) {
            events.publish(new RegisterExited(
                    text(cause.orderId()),
                    cause.measureId().toString(),
                    cause.measure(),
                    cause.district(),
                    cause.at()));
        }
        return exited == 1;
    }

    /**
     * A person recorded without an IIN was linked to one (docs/adr/0035): their row, if any, moves to the IIN's
     * key, or goes when the IIN already has one. Nobody entered or left, so no event.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void personIdentified(byte[] personIndex, byte[] iinIndex) {
        jdbc.sql(
                        """
                        DELETE FROM preventive_register WHERE offender_iin_index = :old
                          AND EXISTS (SELECT 1 FROM preventive_register WHERE offender_iin_index = :new)
                        """)
                .param("old", personIndex)
                .param("new", iinIndex)
                .update();
        jdbc.sql("UPDATE preventive_register SET offender_iin_index = :new WHERE offender_iin_index = :old")
                .param("old", personIndex)
                .param("new", iinIndex)
                .update();
    }

    private byte[] offenderIndex(Cause cause) {
        String table =
                switch (cause.measure()) {
                    case PROTECTIVE_ORDER -> "protective_order";
                    case SPECIAL_REQUIREMENTS -> "special_requirements";
                    case APPROACH_BAN -> "approach_ban";
                };
        return jdbc.sql("SELECT offender_iin_index FROM " + table + " WHERE id = :id")
                .param("id", cause.measureId())
                .query(byte[].class)
                .single();
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
