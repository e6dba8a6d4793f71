package kz.qorgau.order.person;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.accessrecord.AccessEvents;
import kz.qorgau.order.atrest.PersonalDataVault;
import kz.qorgau.order.protectiveorder.OffenderIndex;
import kz.qorgau.order.protectiveorder.OffenderRecords;
import kz.qorgau.order.protectiveorder.OffenderRecords.PersonMeasure;
import kz.qorgau.order.protectiveorder.PersonDocument;
import kz.qorgau.order.protectiveorder.ProtectiveOrders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's history, for a supervisor stating a purpose (docs/adr/0035): the protective orders, special
 * requirements and bans on approaching against the person, and the protective orders protecting them (as the victim
 * or another protected person, docs/adr/0039), found by the IIN's or the document's blind index, in any state.
 * The district rule holds: the supervisor's own district's measures are shown, the others only counted. The
 * read is an access record in the same transaction, so no history leaves without it (docs/adr/0011).
 */
@Service
class PersonHistory {

    static final int DEFAULT_SIZE = 20;

    private static final Comparator<Found> NEWEST_FIRST = Comparator.comparing(
                    (Found found) -> found.measure().since())
            .reversed()
            .thenComparing(found -> found.measure().id().toString())
            .thenComparing(Found::personWas);

    private final List<OffenderRecords> records;
    private final ProtectiveOrders orders;
    private final AccessEvents accessEvents;
    private final PersonalDataVault vault;

    PersonHistory(
            List<OffenderRecords> records,
            ProtectiveOrders orders,
            AccessEvents accessEvents,
            PersonalDataVault vault) {
        this.records = List.copyOf(records);
        this.orders = orders;
        this.accessEvents = accessEvents;
        this.vault = vault;
    }

    /** A measure in the history, and whether the person is its offender or protected by it. */
    private record Found(PersonMeasure measure, HistoryPage.PersonWas personWas) {}

    @Transactional
    HistoryPage history(Staff staff, HistoryRequest request) {
        PersonDocument.requireOneOf(request.iin(), request.document());
        OffenderIndex index = request.iin() != null
                ? OffenderIndex.ofIin(vault, request.iin())
                : OffenderIndex.ofDocument(vault, request.document());
        int page = request.page() == null ? 0 : request.page();
        int size = request.size() == null ? DEFAULT_SIZE : request.size();
        List<Found> all = new ArrayList<>();
        records.forEach(kind -> kind.againstPerson(index)
                .forEach(measure -> all.add(new Found(measure, HistoryPage.PersonWas.OFFENDER))));
        orders.protectingPerson(index)
                .forEach(measure -> all.add(new Found(measure, HistoryPage.PersonWas.PROTECTED_PERSON)));
        List<Found> own = all.stream()
                .filter(found -> staff.worksIn(found.measure().district()))
                .sorted(NEWEST_FIRST)
                .toList();
        int from = (int) Math.min((long) page * size, own.size());
        int to = Math.min(from + size, own.size());
        List<HistoryPage.Entry> items = own.subList(from, to).stream()
                .map(found -> new HistoryPage.Entry(
                        found.measure().measure(),
                        found.measure().id(),
                        found.measure().orderId(),
                        found.measure().orderNumber(),
                        found.measure().district(),
                        found.measure().status(),
                        found.measure().since(),
                        found.measure().until(),
                        found.personWas()))
                .toList();
        accessEvents.personHistoryRead(staff, items.size(), request.purpose().strip());
        return new HistoryPage(items, page, size, to < own.size(), all.size() - own.size());
    }
}
