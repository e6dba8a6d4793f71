package kz.qorgau.order.person;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.events.Measure;
import kz.qorgau.events.PersonIdentified;
import kz.qorgau.kit.problem.Problems;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.atrest.PersonalDataVault;
import kz.qorgau.order.lifecycle.ETags;
import kz.qorgau.order.lifecycle.OrderChanges;
import kz.qorgau.order.protectiveorder.PersonDocument;
import kz.qorgau.order.protectiveorder.ProtectiveOrder;
import kz.qorgau.order.protectiveorder.ProtectiveOrders;
import kz.qorgau.order.protectiveorder.Victim;
import kz.qorgau.order.register.MeasureEvents;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links a protective order's victim or another protected person, recorded by a document, to an IIN (docs/adr/0039),
 * as {@link PersonIdentification} links an offender: a document names one person, so every order naming them by it
 * (any district) is linked together, the IIN sealed in beside the document, the victim's key and the protected
 * persons' indexes given the IIN's blind index (the document's stay, so either finds them), each version raised, and
 * one {@link PersonIdentified} per order and person ({@code VICTIM} or {@code PROTECTED_PERSON}). The same IIN again
 * changes nothing; another IIN is refused (409).
 */
@Service
class ProtectedPersonIdentification {

    static final URI NOT_NAMED = URI.create("urn:qorgau:problem:protected-person-not-found");

    private final ProtectiveOrders orders;
    private final MeasureEvents events;
    private final PersonalDataVault vault;
    private final Clock clock;

    ProtectedPersonIdentification(ProtectiveOrders orders, MeasureEvents events, PersonalDataVault vault, Clock clock) {
        this.orders = orders;
        this.events = events;
        this.vault = vault;
        this.clock = clock;
    }

    @Transactional
    Identified identify(Staff staff, UUID orderId, String ifMatch, PersonDocument document, String iin) {
        List<ProtectiveOrder> naming = orders.lockProtecting(vault.documentBlindIndex(document.canonical()));
        Optional<ProtectiveOrder> named =
                naming.stream().filter(order -> order.id().equals(orderId)).findFirst();
        ProtectiveOrder order = named.or(() -> orders.findById(orderId))
                .filter(found -> staff.worksIn(found.district()))
                .orElseThrow(OrderChanges::notFound);
        if (named.isEmpty() || !order.victim().names(document)) {
            throw Problems.error(
                    HttpStatus.NOT_FOUND,
                    NOT_NAMED,
                    "No such protected person",
                    "The order names neither its victim nor another protected person by this document.");
        }
        Optional<String> known = order.victim().iinOf(document);
        if (known.isPresent()) {
            if (known.get().equals(iin)) {
                return new Identified(Measure.PROTECTIVE_ORDER, orderId, 0, order.version());
            }
            throw Problems.error(
                    HttpStatus.CONFLICT,
                    PersonIdentification.ALREADY_IDENTIFIED,
                    "Already identified",
                    "This person of the order is identified by another IIN. Nothing was recorded.");
        }
        ETags.require(ifMatch, order.version());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int linked = 0;
        for (ProtectiveOrder each : naming) {
            Victim before = each.victim();
            Victim after = before.linkedToIin(document, iin);
            if (after.equals(before)) {
                continue; // linked already (an order recorded by the document after an earlier link is linked again)
            }
            orders.linkProtected(each.id(), after);
            linked++;
            if (before.iin() == null && after.iin() != null) {
                publish(each, PersonIdentified.Person.VICTIM, staff, now);
            }
            if (!after.protectedPersons().equals(before.protectedPersons())) {
                publish(each, PersonIdentified.Person.PROTECTED_PERSON, staff, now);
            }
        }
        return new Identified(Measure.PROTECTIVE_ORDER, orderId, linked, order.version() + 1);
    }

    private void publish(ProtectiveOrder order, PersonIdentified.Person person, Staff staff, Instant now) {
        events.publish(new PersonIdentified(
                order.id().toString(),
                order.id().toString(),
                Measure.PROTECTIVE_ORDER,
                order.district(),
                PersonIdentified.RecordedAs.DOCUMENT,
                staff.subject(),
                now,
                person));
    }
}
