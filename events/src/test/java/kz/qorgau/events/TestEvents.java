package kz.qorgau.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import kz.qorgau.events.sealed.SealedFieldCipher;

/** Sample events and keys shared by the tests. */
public final class TestEvents {

    public static final String ORDER_ID = "3f2b8c1e-7d4a-4e6b-9c2f-1a5d8e0b7c43";

    /**
     * The test-only key that sealed the victimContact in examples/order.issued.v1.json (bytes 0..31).
     * Never use it anywhere else.
     */
    public static final String EXAMPLE_KEY_ID = "example-2026-01";

    public static final String EXAMPLE_KEY_BASE64 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private TestEvents() {}

    public static SealedFieldCipher exampleCipher() {
        return SealedFieldCipher.fromBase64Keys(Map.of(EXAMPLE_KEY_ID, EXAMPLE_KEY_BASE64), EXAMPLE_KEY_ID);
    }

    public static VictimContact victimContact() {
        return new VictimContact("Example Person", "+77010000000", "victim@example.invalid", "Example street 1", "kk");
    }

    public static OrderIssued orderIssued() {
        return orderIssued(ORDER_ID);
    }

    public static OrderIssued orderIssued(String orderId) {
        return new OrderIssued(
                orderId,
                "AST-2026-000123",
                "AST-ESIL",
                "AST-ESIL-UP-02",
                "officer-48213",
                List.of(Prohibition.DOMESTIC_VIOLENCE, Prohibition.CONTACTING_VICTIM),
                Instant.parse("2026-03-01T10:15:30Z"),
                null,
                new LegalBasis("KZ-214-IV", "20", "2024-06-16"),
                exampleCipher()
                        .sealJson(
                                victimContact(), SealedFieldCipher.binding(orderId, OrderIssued.VICTIM_CONTACT_FIELD)));
    }

    public static NotificationSent notificationSent() {
        return new NotificationSent(
                ORDER_ID,
                "6c1e0a9d-52b7-4f3e-8d21-0b9a7c4e5f16",
                "0d8f3b52-9a1c-4c6e-b7f4-2e5a1d9c8b70",
                "DUTY_UNIT",
                NotificationChannel.EMAIL,
                Instant.parse("2026-03-01T10:15:42.318Z"),
                1);
    }

    public static NotificationFailed notificationFailed() {
        return new NotificationFailed(
                ORDER_ID,
                "a4d7c2e9-1b3f-4e58-9c60-7f2b8d1e3a95",
                "0d8f3b52-9a1c-4c6e-b7f4-2e5a1d9c8b70",
                "DUTY_UNIT",
                NotificationChannel.SMS,
                Instant.parse("2026-03-01T10:25:03Z"),
                5,
                "GATEWAY_TIMEOUT");
    }

    /** A supervisor read the victim's contacts of {@link #ORDER_ID} in their own district. */
    public static AccessRecorded victimContactsRead() {
        return new AccessRecorded(
                "1c7f4e2a-8b3d-4f69-a0e5-6d2b9c8a7f14",
                Instant.parse("2026-03-01T11:02:45.120Z"),
                AccessKind.VICTIM_CONTACTS_READ,
                new AccessRecorded.Accessor("demo-supervisor-a", List.of("OFFICER", "SUPERVISOR"), "AST-ESIL"),
                ORDER_ID,
                "AST-ESIL",
                List.of("victim.contacts"),
                "Arranging the victim's safety plan with the duty unit.",
                null,
                0,
                false);
    }

    /** An officer checked a person against the active orders; the access concerns no one order. */
    public static AccessRecorded personCheck() {
        return new AccessRecorded(
                "e2a95d3c-47b1-4c08-9f6e-3a1d7b5c2e90",
                Instant.parse("2026-03-01T12:30:00Z"),
                AccessKind.PERSON_CHECK,
                new AccessRecorded.Accessor("demo-officer-b", List.of("OFFICER"), "AST-SARY"),
                null,
                null,
                List.of(),
                null,
                null,
                2,
                false);
    }

    /** A supervisor from another district was granted emergency access to {@link #ORDER_ID}. */
    public static AccessRecorded breakGlassGranted() {
        return new AccessRecorded(
                "70b3c8e1-5a2f-4d96-8e47-c1f0a9d6b253",
                Instant.parse("2026-03-02T02:35:00Z"),
                AccessKind.BREAK_GLASS_GRANTED,
                new AccessRecorded.Accessor("demo-supervisor-b", List.of("SUPERVISOR"), "AST-SARY"),
                ORDER_ID,
                "AST-ESIL",
                List.of(),
                "Emergency call at night: the responding patrol needs the victim's callback number.",
                breakGlass(),
                0,
                true);
    }

    /** A read under {@link #breakGlassGranted()}'s grant. */
    public static AccessRecorded breakGlassRead() {
        return new AccessRecorded(
                "9b6e2f41-3c8d-4a57-b1e9-5d0c7a2f8e36",
                Instant.parse("2026-03-02T02:41:07.512Z"),
                AccessKind.BREAK_GLASS_READ,
                new AccessRecorded.Accessor("demo-supervisor-b", List.of("SUPERVISOR"), "AST-SARY"),
                ORDER_ID,
                "AST-ESIL",
                List.of("victim.contacts", "victim.address"),
                "Emergency call at night: the responding patrol needs the victim's callback number.",
                breakGlass(),
                0,
                true);
    }

    public static AccessRecorded.BreakGlass breakGlass() {
        return new AccessRecorded.BreakGlass(
                "5e3a9c17-0f2b-4d68-a4c1-8b7d2e6f9a03",
                "The order's district supervisor could not be reached during an emergency call.",
                Instant.parse("2026-03-02T06:35:00Z"));
    }

    /** One sample of each access kind. */
    public static List<AccessRecorded> accessRecords() {
        return List.of(victimContactsRead(), personCheck(), breakGlassGranted(), breakGlassRead());
    }

    public static ParkingActionTaken parkingActionTaken() {
        return new ParkingActionTaken(
                ORDER_ID,
                ParkingActionTaken.Action.DISCARDED,
                "operator-7",
                Instant.parse("2026-03-01T11:02:41Z"),
                "qorgau.orders",
                3,
                1842,
                ParkingActionTaken.Outcome.STILL_PARKED,
                0,
                "TEST_RECORD",
                1,
                2);
    }

    /** One sample per registered type. */
    public static List<QorgauEvent> all() {
        return List.of(
                orderIssued(), notificationSent(), notificationFailed(), victimContactsRead(), parkingActionTaken());
    }

    public static String resource(String path) {
        try (InputStream in = TestEvents.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
