package kz.qorgau.notification.replies;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kz.qorgau.kit.problem.Problems;
import kz.qorgau.kit.security.PublicEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SMS gateway's inbound messages (docs/adr/0036): a victim's STOP, SAFE or HELP. Public, for the gateway has no
 * Qorgau token; each message is signed instead: {@value #SIGNATURE} is {@code sha256=} and the hex HMAC-SHA256,
 * under the shared secret, of {@value #TIMESTAMP} (Unix seconds), a dot and the raw body. A message without a valid
 * signature (401), with a timestamp outside the window (401), or seen before, by its signature or the gateway's
 * message id (409), is refused as a problem and does nothing. The body is {@code {"id": ..., "from": "+7...",
 * "text": ...}}; the sender is matched through the blind index, and neither the number nor the text is kept or
 * logged. What the answer does is recorded in the transaction that remembers the message (a failure leaves it
 * unseen, so the gateway's retry is taken); the replies go out through the delivery engine.
 */
@RestController
@PublicEndpoint("the SMS gateway has no token: each message is signed (HMAC-SHA256, timestamp window, replays refused)")
class InboundSmsWebhook {

    static final String PATH = "/api/v1/sms/inbound";
    static final String TIMESTAMP = "X-Qorgau-Timestamp";
    static final String SIGNATURE = "X-Qorgau-Signature";

    static final URI FORGED = URI.create("urn:qorgau:problem:inbound-signature-invalid");
    static final URI REPLAYED = URI.create("urn:qorgau:problem:inbound-replayed");
    static final URI NOT_CONFIGURED = URI.create("urn:qorgau:problem:inbound-not-configured");

    private static final Logger log = LoggerFactory.getLogger(InboundSmsWebhook.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_FIELD = 1_000;

    private final ReplyProperties properties;
    private final ReplyWords words;
    private final ReplayGuard replays;
    private final VictimReplies replies;
    private final TransactionTemplate transactions;
    private final Clock clock;

    InboundSmsWebhook(
            ReplyProperties properties,
            ReplayGuard replays,
            VictimReplies replies,
            TransactionTemplate transactions,
            Clock clock) {
        this.properties = properties;
        this.words = new ReplyWords(properties);
        this.replays = replays;
        this.replies = replies;
        this.transactions = transactions;
        this.clock = clock;
    }

    @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "An inbound SMS from the gateway: a victim's STOP, SAFE or HELP",
            description = "Signed by the gateway: X-Qorgau-Signature = sha256=hex(HMAC-SHA256(secret, timestamp + '.'"
                    + " + body)). Refused (401) when the signature or timestamp is wrong, (409) when replayed.")
    @ApiResponse(responseCode = "202", description = "Taken; what it does is recorded and sent by the engine")
    @ApiResponse(responseCode = "400", description = "Unsigned, or not a message")
    @ApiResponse(responseCode = "401", description = "Not signed with the shared secret, or outside the window")
    @ApiResponse(responseCode = "409", description = "Seen before: a replay")
    @ApiResponse(responseCode = "503", description = "No secret configured: inbound messages are not taken")
    ResponseEntity<Map<String, Object>> receive(
            @Parameter(description = "Unix seconds when the gateway signed it")
                    @RequestHeader(value = TIMESTAMP, required = false)
                    String timestamp,
            @Parameter(description = "sha256=<hex HMAC-SHA256>") @RequestHeader(value = SIGNATURE, required = false)
                    String signature,
            @RequestBody(required = false) byte[] body) {
        String secret = properties.checkedSecret();
        if (secret == null) {
            throw Problems.error(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    NOT_CONFIGURED,
                    "Inbound messages are not taken",
                    "No inbound secret is configured (qorgau.notification.replies.secret).");
        }
        if (timestamp == null || signature == null) {
            throw Problems.error(
                    HttpStatus.BAD_REQUEST,
                    Problems.INVALID_REQUEST,
                    "Unsigned message",
                    "An inbound message needs the headers " + TIMESTAMP + " and " + SIGNATURE + ".");
        }
        byte[] raw = body == null ? new byte[0] : body;
        Instant now = clock.instant();
        Instant signedAt = signedAt(timestamp).orElseThrow(InboundSmsWebhook::forged);
        if (Duration.between(signedAt, now).abs().compareTo(properties.window()) > 0) {
            throw forged();
        }
        String expected = "sha256=" + HexFormat.of().formatHex(hmac(secret, timestamp, raw));
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                signature.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw forged();
        }
        Message message = parse(raw);
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Optional<ReplyWords.Answer> answer = words.read(message.text());
        // Remembered and acted on in one transaction: a failure leaves it unseen, so the gateway's retry is taken.
        Integer concerned = transactions.execute(status -> {
            replays.forgetBefore(at.minus(properties.window().multipliedBy(2)));
            boolean bySignature = replays.firstTime("sig:" + expected.substring("sha256=".length()), at);
            boolean byId = message.id() == null || replays.firstTime("id:" + digest(message.id()), at);
            if (!bySignature || !byId) {
                status.setRollbackOnly();
                return null;
            }
            return answer.map(said -> replies.fromPhone(message.from(), said)).orElse(0);
        });
        if (concerned == null) {
            throw Problems.error(
                    HttpStatus.CONFLICT, REPLAYED, "Replayed", "This message was taken before; it does nothing again.");
        }
        // The answer's kind and how many contacts it concerned: never the number nor the text.
        log.info("Inbound SMS taken: {} ({} contacts)", answer.map(Enum::name).orElse("NO_ANSWER"), concerned);
        return ResponseEntity.accepted().body(Map.of("taken", true));
    }

    static byte[] hmac(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The gateway's id as a fixed-length fingerprint: any length it chooses fits the table. */
    private static String digest(String id) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static Optional<Instant> signedAt(String timestamp) {
        if (timestamp == null || !timestamp.matches("\\d{1,12}")) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(timestamp)));
    }

    private static Message parse(byte[] raw) {
        try {
            JsonNode node = JSON.readTree(raw);
            String from = text(node, "from");
            String text = text(node, "text");
            if (from == null || text == null) {
                throw invalid();
            }
            return new Message(text(node, "id"), from, text);
        } catch (JacksonException e) {
            throw invalid();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isString() || value.asString().length() > MAX_FIELD) {
            return null;
        }
        return value.asString();
    }

    private static ErrorResponseException forged() {
        return Problems.error(
                HttpStatus.UNAUTHORIZED,
                FORGED,
                "Not signed",
                "The message is not signed with the shared secret, or its timestamp is outside the window.");
    }

    private static ErrorResponseException invalid() {
        return Problems.error(
                HttpStatus.BAD_REQUEST,
                Problems.INVALID_REQUEST,
                "Invalid message",
                "The body must be a JSON object with the strings from and text (and the gateway's id).");
    }

    /** One inbound message; personal data, never logged. */
    private record Message(String id, String from, String text) {

        @Override
        public String toString() {
            return "Message[redacted]";
        }
    }
}
