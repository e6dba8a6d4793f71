package kz.qorgau.notification.victims;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import kz.qorgau.events.ApproachBanImposed;
import kz.qorgau.events.ArrestEnded;
import kz.qorgau.events.ArrestStarted;
import kz.qorgau.events.ExpiryApproaching;
import kz.qorgau.events.OrderExpired;
import kz.qorgau.events.OrderRevoked;
import kz.qorgau.events.OrderServed;
import kz.qorgau.events.ServiceOverdue;
import kz.qorgau.events.SpecialRequirementsExtended;
import kz.qorgau.events.SpecialRequirementsImposed;
import kz.qorgau.events.ViolationReported;

/**
 * What a victim's verified contacts are told (issue 14), each from the events that tell of it, with its template
 * ({@code victim-notices/<name>.<language>.mustache}). {@link #HELP_REPLY} answers a victim's HELP and comes from
 * no order event.
 */
public enum VictimNotice {
    /** The protection is in force: the most important notice. */
    SERVED(OrderServed.TYPE),
    NOT_SERVED_YET(ServiceOverdue.TYPE),
    VIOLATION(ViolationReported.TYPE),
    ARRESTED(ArrestStarted.TYPE),
    /** The arrest ended: the offender is free again. */
    RELEASED(ArrestEnded.TYPE),
    REQUIREMENTS_IMPOSED(SpecialRequirementsImposed.TYPE, ApproachBanImposed.TYPE),
    REQUIREMENTS_EXTENDED(SpecialRequirementsExtended.TYPE),
    REVOKED(OrderRevoked.TYPE),
    EXPIRY_APPROACHING(ExpiryApproaching.TYPE),
    EXPIRED(OrderExpired.TYPE),
    HELP_REPLY();

    private final List<String> eventTypes;

    VictimNotice(String... eventTypes) {
        this.eventTypes = List.of(eventTypes);
    }

    /** The notice an event of this type tells of, if any. */
    public static Optional<VictimNotice> of(String eventType) {
        return Arrays.stream(values())
                .filter(notice -> notice.eventTypes.contains(eventType))
                .findFirst();
    }

    /** Whether it ends the protection: it then says where help is (102, the Family Support Centre, 111). */
    public boolean ending() {
        return this == REVOKED || this == EXPIRED;
    }

    /** The template's file name. */
    String template() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
