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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's history as offender, for a supervisor stating a purpose (docs/adr/0035): the protective orders,
 * special requirements and bans on approaching found by the IIN's or the document's blind index, in any state.
 * The district rule holds: the supervisor's own district's measures are shown, the others only counted. The
 * read is an access record in the same transaction, so no history leaves without it (docs/adr/0011).
 */
@Service
class PersonHistory {

    static final int DEFAULT_SIZE = 20;

    private static final Comparator<PersonMeasure> NEWEST_FIRST = Comparator.comparing(PersonMeasure::since)
            .reversed()
            .thenComparing(measure -> measure.id().toString());

    private final List<OffenderRecords> records;
    private final AccessEvents accessEvents;
    private final PersonalDataVault vault;

    PersonHistory(List<OffenderRecords> records, AccessEvents accessEvents, PersonalDataVault vault) {
        this.records = List.copyOf(records);
        this.accessEvents = accessEvents;
        this.vault = vault;
    }

    @Transactional
    HistoryPage history(Staff staff, HistoryRequest request) {
        PersonDocument.requireOneOf(request.iin(), request.document());
        OffenderIndex index = request.iin() != null
                ? OffenderIndex.ofIin(vault, request.iin())
                : OffenderIndex.ofDocument(vault, request.document());
        int page = request.page() == null ? 0 : request.page();
        int size = request.size() == null ? DEFAULT_SIZE : request.size();
        List<PersonMeasure> all = new ArrayList<>();
        records.forEach(kind -> all.addAll(kind.againstPerson(index)));
        List<PersonMeasure> own = all.stream()
                .filter(measure -> staff.worksIn(measure.district()))
                .sorted(NEWEST_FIRST)
                .toList();
        int from = (int) Math.min((long) page * size, own.size());
        int to = Math.min(from + size, own.size());
        List<HistoryPage.Entry> items = own.subList(from, to).stream()
                .map(measure -> new HistoryPage.Entry(
                        measure.measure(),
                        measure.id(),
                        measure.orderId(),
                        measure.orderNumber(),
                        measure.district(),
                        measure.status(),
                        measure.since(),
                        measure.until()))
                .toList();
        accessEvents.personHistoryRead(staff, items.size(), request.purpose().strip());
        return new HistoryPage(items, page, size, to < own.size(), all.size() - own.size());
    }
}
