package kz.qorgau.order.platform.idempotency;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.kit.problem.InvalidRequestException;
import kz.qorgau.kit.problem.Problems;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Idempotency keys (the {@code Idempotency-Key} request header), scoped to the caller and bound to a
 * request fingerprint.
 *
 * <p>{@link #claim} runs inside the caller's transaction, before the work: the key row and the work
 * commit together or not at all. A concurrent request with the same key blocks on the first one's
 * uncommitted row (primary key), then sees its committed result; if the first rolls back, the second
 * does the work. So two orders can never come from one key.
 */
@Component
public class IdempotencyKeys {

    /** The request header. */
    public static final String HEADER = "Idempotency-Key";

    /** Set on a response that repeats the first result for a retried Idempotency-Key. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    static final int MAX_KEY_LENGTH = 255;

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

    private final JdbcClient jdbc;
    private final RequestFingerprint fingerprints;
    private final IdempotencyProperties properties;
    private final Clock clock;

    public IdempotencyKeys(
            JdbcClient jdbc, RequestFingerprint fingerprints, IdempotencyProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.fingerprints = fingerprints;
        this.properties = properties;
        this.clock = clock;
    }

    /** How the header is described in the API document, wherever it is accepted. */
    public static final String HEADER_DESCRIPTION = "Makes retries safe: the same key and body return the first result "
            + "for 24 hours. 1 to 255 visible ASCII characters; a UUID is a good key.";

    /** What a keyed creation answers: the resource, and whether it is the first request's, returned again. */
    public record Created(UUID id, boolean replayed) {}

    /** What {@link #claim} found. */
    public sealed interface Claim {}

    /** The key is new (or had expired): do the work; it commits with the key. */
    public record Claimed() implements Claim {}

    /** The key was used before with the same request: answer with its result. */
    public record Replay(UUID resourceId, int status) implements Claim {}

    /**
     * The header's value as a key, or empty when absent.
     *
     * @throws InvalidRequestException if it is present but empty, too long or not visible ASCII
     */
    public static Optional<String> parseHeader(@Nullable String header) {
        if (header == null) {
            return Optional.empty();
        }
        String key = header.strip();
        // RFC 8941 sf-string form ("...") as the IETF draft writes it; plain tokens are accepted too.
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new InvalidRequestException(List.of(new Problems.FieldProblem(
                    HEADER, "must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters (a UUID is a good key)")));
        }
        return Optional.of(key);
    }

    /**
     * Claims {@code key} for {@code caller} and {@code request} to {@code operation} (bound by its keyed
     * {@link RequestFingerprint}), recording the result the work will produce ({@code resourceId}, {@code
     * status}) in the same transaction.
     *
     * @throws IdempotencyKeyReusedException if the key was used for a different request
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Claim claim(String caller, String key, String operation, Object request, UUID resourceId, int status) {
        String fingerprint = fingerprints.of(operation, request);
        Instant now = clock.instant();
        Optional<UUID> claimed = jdbc.sql(
                        """
                        INSERT INTO idempotency_key (caller, idempotency_key, request_fingerprint, fingerprint_scheme,
                            resource_id, response_status, created_at, expires_at)
                        VALUES (:caller, :key, :fingerprint, :scheme, :resourceId, :status, :now, :expiresAt)
                        ON CONFLICT (caller, idempotency_key) DO UPDATE SET
                            request_fingerprint = EXCLUDED.request_fingerprint,
                            fingerprint_scheme = EXCLUDED.fingerprint_scheme,
                            resource_id = EXCLUDED.resource_id,
                            response_status = EXCLUDED.response_status,
                            created_at = EXCLUDED.created_at,
                            expires_at = EXCLUDED.expires_at
                        WHERE idempotency_key.expires_at <= EXCLUDED.created_at
                        RETURNING resource_id
                        """)
                .param("caller", caller)
                .param("key", key)
                .param("fingerprint", fingerprint)
                .param("scheme", RequestFingerprint.SCHEME)
                .param("resourceId", resourceId)
                .param("status", status)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("expiresAt", now.plus(properties.ttl()).atOffset(ZoneOffset.UTC))
                .query(UUID.class)
                .optional();
        if (claimed.isPresent()) {
            return new Claimed();
        }
        // Taken and not expired; ON CONFLICT waited for its transaction, so the row is committed.
        return jdbc.sql(
                        """
                        SELECT request_fingerprint, fingerprint_scheme, resource_id, response_status
                        FROM idempotency_key
                        WHERE caller = :caller AND idempotency_key = :key
                        """)
                .param("caller", caller)
                .param("key", key)
                .query((row, rowNumber) -> {
                    // A key stored before fingerprints were keyed keeps its plain SHA-256 until it expires:
                    // its retry is still recognised, never refused or done twice (docs/adr/0015).
                    String expected = RequestFingerprint.LEGACY_SCHEME.equals(row.getString("fingerprint_scheme"))
                            ? RequestFingerprint.legacy(operation, request)
                            : fingerprint;
                    if (!expected.equals(row.getString("request_fingerprint"))) {
                        throw new IdempotencyKeyReusedException();
                    }
                    return (Claim) new Replay(row.getObject("resource_id", UUID.class), row.getInt("response_status"));
                })
                .single();
    }

    /**
     * A new resource's id, claimed with {@code key} when there is one (the caller then does the work, in the same
     * transaction); or, for a retry, the id the first request created, marked replayed: do nothing then.
     *
     * @throws IdempotencyKeyReusedException if the key was used for a different request
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Created create(String caller, Optional<String> key, String operation, Object request) {
        UUID id = UUID.randomUUID();
        if (key.isPresent()
                && claim(caller, key.get(), operation, request, id, HttpStatus.CREATED.value())
                        instanceof Replay replay) {
            return new Created(replay.resourceId(), true);
        }
        return new Created(id, false);
    }

    /** A 201 at {@code location}, marked with {@link #REPLAYED_HEADER} when it repeats the first result. */
    public static ResponseEntity.BodyBuilder createdAt(URI location, boolean replayed) {
        ResponseEntity.BodyBuilder response = ResponseEntity.created(location);
        if (replayed) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response;
    }

    /** Deletes expired keys; any instance may run it, the DELETE is idempotent. */
    @Scheduled(
            fixedDelayString = "${qorgau.idempotency.purge-interval:1h}",
            initialDelayString = "${qorgau.idempotency.purge-interval:1h}")
    public void purgeExpired() {
        int deleted = jdbc.sql("DELETE FROM idempotency_key WHERE expires_at <= :now")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        if (deleted > 0) {
            log.info("Deleted {} expired idempotency keys", deleted);
        }
    }
}
