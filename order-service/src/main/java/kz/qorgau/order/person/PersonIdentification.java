package kz.qorgau.order.person;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.qorgau.events.Measure;
import kz.qorgau.events.PersonIdentified;
import kz.qorgau.kit.problem.Problems;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.atrest.PersonalDataVault;
import kz.qorgau.order.lifecycle.ETags;
import kz.qorgau.order.lifecycle.OrderChanges;
import kz.qorgau.order.protectiveorder.OffenderRecords;
import kz.qorgau.order.protectiveorder.OffenderRecords.OffenderRecord;
import kz.qorgau.order.register.MeasureEvents;
import kz.qorgau.order.register.PreventiveRegister;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * Links the offender of a measure, recorded by a document or as unidentified, to an IIN (docs/adr/0035). A
 * document names one person, so every record under the same person key is linked together, in every measure
 * and district: the IIN sealed into each, the key replaced by the IIN's blind index, each version raised, and
 * one {@link PersonIdentified} per record keyed like its other events. The register's row follows the key.
 * Sending the same IIN again changes nothing and publishes nothing; another IIN is refused (409).
 */
@Service
class PersonIdentification {

    static final URI ALREADY_IDENTIFIED = URI.create("urn:qorgau:problem:person-already-identified");

    private final Map<Measure, OffenderRecords> records;
    private final List<OffenderRecords> all;
    private final PreventiveRegister register;
    private final MeasureEvents events;
    private final PersonalDataVault vault;
    private final Clock clock;

    PersonIdentification(
            List<OffenderRecords> records,
            PreventiveRegister register,
            MeasureEvents events,
            PersonalDataVault vault,
            Clock clock) {
        this.all = List.copyOf(records);
        this.records = records.stream().collect(Collectors.toMap(OffenderRecords::measure, Function.identity()));
        this.register = register;
        this.events = events;
        this.vault = vault;
        this.clock = clock;
    }

    @Transactional
    Identified identify(Staff staff, Measure measure, UUID id, String ifMatch, String iin) {
        OffenderRecord record = records.get(measure)
                .lockOffender(id)
                .filter(found -> staff.worksIn(found.district()))
                .orElseThrow(() -> notFound(measure));
        String known = record.offender().iin();
        if (known != null) {
            if (known.equals(iin)) {
                return new Identified(measure, id, 0, record.version());
            }
            throw Problems.error(
                    HttpStatus.CONFLICT,
                    ALREADY_IDENTIFIED,
                    "Already identified",
                    "The offender of this measure is identified by another IIN. Nothing was recorded.");
        }
        ETags.require(ifMatch, record.version());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        byte[] iinIndex = vault.blindIndex(iin);
        List<OffenderRecord> linked = new ArrayList<>();
        for (OffenderRecords kind : all) {
            linked.addAll(kind.linkToIin(record.personIndex(), iin));
        }
        register.personIdentified(record.personIndex(), iinIndex);
        for (OffenderRecord each : linked) {
            events.publish(new PersonIdentified(
                    each.orderId() == null ? null : each.orderId().toString(),
                    each.id().toString(),
                    each.measure(),
                    each.district(),
                    each.offender().byDocument()
                            ? PersonIdentified.RecordedAs.DOCUMENT
                            : PersonIdentified.RecordedAs.UNIDENTIFIED,
                    staff.subject(),
                    now));
        }
        return new Identified(measure, id, linked.size(), record.version() + 1);
    }

    static ErrorResponseException notFound(Measure measure) {
        return switch (measure) {
            case PROTECTIVE_ORDER -> OrderChanges.notFound();
            case SPECIAL_REQUIREMENTS ->
                Problems.error(
                        HttpStatus.NOT_FOUND,
                        kz.qorgau.order.requirements.SpecialRequirementsRecords.NOT_FOUND,
                        "Special requirements not found",
                        "There are no special requirements with this id that you may read.");
            case APPROACH_BAN ->
                Problems.error(
                        HttpStatus.NOT_FOUND,
                        kz.qorgau.order.approachban.ApproachBans.NOT_FOUND,
                        "Ban on approaching not found",
                        "There is no ban on approaching with this id that you may read.");
        };
    }
}
