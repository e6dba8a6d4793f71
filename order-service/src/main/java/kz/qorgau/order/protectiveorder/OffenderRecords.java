package kz.qorgau.order.protectiveorder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.events.Measure;

/**
 * The rows of one kind of measure, as linking a person without an IIN to one walks them (docs/adr/0035): the
 * repository that owns the rows implements it, so linking depends on no measure's internals.
 */
public interface OffenderRecords {

    /** The kind of measure these rows are. */
    Measure measure();

    /** The measure's offender as linking needs it, the row locked until the caller's transaction ends. */
    Optional<OffenderRecord> lockOffender(UUID id);

    /**
     * Links every row whose person key is {@code personIndex} to {@code iin}, in the caller's transaction: the
     * IIN sealed into the offender, the person key replaced by the IIN's blind index (the document's own index
     * stays), the version raised.
     *
     * @return the rows linked, as they were before
     */
    List<OffenderRecord> linkToIin(byte[] personIndex, String iin);

    /**
     * Every measure of this kind against the person {@code index} finds, in any district and state, without
     * personal data: for a person's history.
     */
    List<PersonMeasure> againstPerson(OffenderIndex index);

    /** One measure in a person's history: no personal data, only what it is, where, when and its state. */
    record PersonMeasure(
            Measure measure,
            UUID id,
            UUID orderId,
            String orderNumber,
            String district,
            String status,
            Instant since,
            Instant until) {}

    /** One measure's offender. {@link #toString()} is redacted. */
    record OffenderRecord(
            Measure measure,
            UUID id,
            UUID orderId,
            String district,
            int version,
            byte[] personIndex,
            OffenderIdentity offender) {

        @Override
        public String toString() {
            return "OffenderRecord[" + measure + " " + id + ", redacted]";
        }
    }
}
