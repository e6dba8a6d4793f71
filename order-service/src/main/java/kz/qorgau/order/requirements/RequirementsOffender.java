package kz.qorgau.order.requirements;

import java.util.List;
import kz.qorgau.order.protectiveorder.OffenderIdentity;
import kz.qorgau.order.protectiveorder.PersonDocument;

/**
 * The offender of special requirements and the places a minor may not visit: personal data, sealed at
 * rest with the at-rest key ring (docs/adr/0009), found by the IIN's blind index or, without an IIN, by
 * the document's (docs/adr/0035); {@link #toString()} is
 * redacted.
 */
record RequirementsOffender(String iin, List<String> places, PersonDocument document, String unidentified) {

    RequirementsOffender {
        places = places == null ? List.of() : List.copyOf(places);
    }

    RequirementsOffender(OffenderIdentity identity, List<String> places) {
        this(identity.iin(), places, identity.document(), identity.description());
    }

    OffenderIdentity identity() {
        return new OffenderIdentity(iin, document, unidentified);
    }

    RequirementsOffender withIin(String linked) {
        return new RequirementsOffender(linked, places, document, unidentified);
    }

    @Override
    public String toString() {
        return "RequirementsOffender[redacted]";
    }
}
