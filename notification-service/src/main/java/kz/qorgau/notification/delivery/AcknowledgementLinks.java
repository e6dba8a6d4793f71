package kz.qorgau.notification.delivery;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/**
 * The signed link by which a police recipient acknowledges a notice (docs/adr/0024), put into each attempt's
 * text; none when no signing key is configured.
 */
public interface AcknowledgementLinks {

    Optional<URI> linkFor(UUID noticeId);
}
