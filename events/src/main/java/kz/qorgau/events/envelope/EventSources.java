package kz.qorgau.events.envelope;

import java.net.URI;
import kz.qorgau.events.catalog.Topics;

/** CloudEvents {@code source} URIs of the Qorgau services (source + id is globally unique). */
public final class EventSources {

    public static final URI ORDER_SERVICE = of(Topics.ORDER_SERVICE);
    public static final URI NOTIFICATION_SERVICE = of(Topics.NOTIFICATION_SERVICE);

    private EventSources() {}

    /** {@code urn:qorgau:service:<service>}. */
    public static URI of(String service) {
        return URI.create("urn:qorgau:service:" + service);
    }
}
