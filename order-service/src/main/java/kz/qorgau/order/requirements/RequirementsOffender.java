package kz.qorgau.order.requirements;

import java.util.List;

/**
 * The offender of special requirements and the places a minor may not visit: personal data, sealed at
 * rest with the at-rest key ring (docs/adr/0009), found by the IIN's blind index; {@link #toString()} is
 * redacted.
 */
record RequirementsOffender(String iin, List<String> places) {

    RequirementsOffender {
        places = places == null ? List.of() : List.copyOf(places);
    }

    @Override
    public String toString() {
        return "RequirementsOffender[redacted]";
    }
}
