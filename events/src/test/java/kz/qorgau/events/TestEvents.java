package kz.qorgau.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
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

    /** That check found the person as the offender of {@link #ORDER_ID}: same access id. */
    public static PersonCheckHit personCheckHit() {
        return new PersonCheckHit(
                personCheck().accessId(),
                Instant.parse("2026-03-01T12:30:00Z"),
                new AccessRecorded.Accessor("demo-officer-b", List.of("OFFICER"), "AST-SARY"),
                PersonCheckHit.PersonRole.OFFENDER,
                List.of(new PersonCheckHit.Match(ORDER_ID, "AST-2026-000123", "AST-ESIL", "AST-ESIL-UP-02")));
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

    public static final String CONTACT_ID = "5d7e1f3a-9b2c-4e8d-a6f0-2c4b6d8e0f13";

    public static ContactVerificationRequested contactVerificationRequested() {
        return new ContactVerificationRequested(
                ORDER_ID, CONTACT_ID, NotificationChannel.SMS, "kk", Instant.parse("2026-03-10T18:31:05Z"));
    }

    public static ContactVerified contactVerified() {
        return new ContactVerified(
                ORDER_ID, CONTACT_ID, NotificationChannel.SMS, Instant.parse("2026-03-10T18:36:40Z"));
    }

    public static ContactOptedOut contactOptedOut() {
        return new ContactOptedOut(
                ORDER_ID, CONTACT_ID, NotificationChannel.SMS, "LINK", Instant.parse("2026-03-11T07:02:13Z"));
    }

    public static VictimReplied victimReplied() {
        return new VictimReplied(
                ORDER_ID,
                CONTACT_ID,
                NotificationChannel.SMS,
                "SAFE",
                "SMS_REPLY",
                Instant.parse("2026-03-12T21:40:00Z"));
    }

    public static VictimRequestedHelp victimRequestedHelp() {
        return new VictimRequestedHelp(
                ORDER_ID,
                "AST-2026-000123",
                "AST-ESIL",
                "AST-ESIL-UP-02",
                CONTACT_ID,
                NotificationChannel.SMS,
                "SMS_REPLY",
                Instant.parse("2026-03-12T21:41:30Z"));
    }

    public static NotificationAcknowledged notificationAcknowledged() {
        return new NotificationAcknowledged(
                ORDER_ID,
                "6c1e0a9d-52b7-4f3e-8d21-0b9a7c4e5f16",
                "7a3e5c91-2b4d-4f68-9e10-3c5b7d9f1a24",
                "DUTY_UNIT",
                NotificationChannel.EMAIL,
                Instant.parse("2026-03-10T18:34:02Z"));
    }

    public static NotificationEscalated notificationEscalated() {
        return new NotificationEscalated(
                ORDER_ID,
                "6c1e0a9d-52b7-4f3e-8d21-0b9a7c4e5f16",
                "7a3e5c91-2b4d-4f68-9e10-3c5b7d9f1a24",
                "DUTY_UNIT",
                NotificationChannel.EMAIL,
                "SUPERVISOR",
                Instant.parse("2026-03-10T18:40:22Z"),
                1);
    }

    public static NotificationSuperseded notificationSuperseded() {
        return new NotificationSuperseded(
                ORDER_ID,
                "b2e9d4a7-3c1f-4a85-9d6e-0f7c2b8a5e31",
                "5d2a8f63-1e7b-4c94-a0d5-8b3f6e2c9a17",
                "DISTRICT_INSPECTOR",
                NotificationChannel.EMAIL,
                Instant.parse("2026-03-02T10:15:31Z"),
                "ORDER_SERVED");
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

    /** The example order, served on its offender the day after issue. */
    public static OrderServed orderServed() {
        return new OrderServed(
                ORDER_ID,
                "AST-2026-000123",
                "AST-ESIL",
                "AST-ESIL-UP-02",
                "officer-48213",
                OrderServed.Method.SIGNED,
                Instant.parse("2026-03-02T09:40:00Z"),
                Instant.parse("2026-03-02T09:55:12Z"),
                Instant.parse("2026-04-01T19:00:00Z"));
    }

    public static OrderServiceFailed orderServiceFailed() {
        return new OrderServiceFailed(
                ORDER_ID,
                "AST-2026-000123",
                "AST-ESIL",
                "AST-ESIL-UP-02",
                "officer-48213",
                "OFFENDER_NOT_FOUND",
                Instant.parse("2026-03-01T16:20:00Z"),
                Instant.parse("2026-03-01T16:31:45Z"));
    }

    public static ServiceOverdue serviceOverdue() {
        return new ServiceOverdue(
                ORDER_ID,
                "AST-2026-000123",
                "AST-ESIL",
                "AST-ESIL-UP-02",
                Instant.parse("2026-03-01T10:15:30Z"),
                Instant.parse("2026-03-02T10:15:30Z"));
    }

    public static ViolationReported violationReported() {
        return new ViolationReported(
                ORDER_ID,
                "AST-2026-000123",
                "AST-ESIL",
                "AST-ESIL-UP-02",
                "8e4c2a71-5b9d-4f3e-a6c0-1d7b3e9f2a58",
                ViolationReported.Source.CALL_102,
                "officer-48213",
                List.of(Prohibition.CONTACTING_VICTIM),
                new LegalBasis("KZ-CAO-235-V", "461", "2024-06-16"),
                Instant.parse("2026-03-10T18:05:00Z"),
                Instant.parse("2026-03-10T18:30:21Z"));
    }

    public static ViolationConfirmed violationConfirmed() {
        return new ViolationConfirmed(
                ORDER_ID,
                "AST-2026-000123",
                "AST-ESIL",
                "AST-ESIL-UP-02",
                "8e4c2a71-5b9d-4f3e-a6c0-1d7b3e9f2a58",
                "AST-ESIL-461-2026-0042",
                "supervisor-10377",
                new LegalBasis("KZ-CAO-235-V", "461", "2024-06-16"),
                Instant.parse("2026-03-11T09:00:00Z"),
                Instant.parse("2026-03-11T09:04:40Z"));
    }

    public static ArrestStarted arrestStarted() {
        return new ArrestStarted(
                ORDER_ID,
                "AST-2026-000123",
                "AST-ESIL",
                "AST-ESIL-UP-02",
                "8e4c2a71-5b9d-4f3e-a6c0-1d7b3e9f2a58",
                "supervisor-10377",
                Instant.parse("2026-03-11T12:00:00Z"),
                Instant.parse("2026-03-11T12:10:05Z"));
    }

    public static ArrestEnded arrestEnded() {
        return new ArrestEnded(
                ORDER_ID,
                "AST-2026-000123",
                "AST-ESIL",
                "AST-ESIL-UP-02",
                "8e4c2a71-5b9d-4f3e-a6c0-1d7b3e9f2a58",
                "supervisor-10377",
                Instant.parse("2026-03-16T12:00:00Z"),
                Instant.parse("2026-03-16T12:20:00Z"));
    }

    public static ComplianceCheckRecorded complianceCheckRecorded() {
        return new ComplianceCheckRecorded(
                ORDER_ID,
                "AST-2026-000123",
                "AST-ESIL",
                "AST-ESIL-UP-02",
                "c41d9e27-6a3b-4f80-9e15-2b7d8a0c5f63",
                "officer-48213",
                ComplianceCheckRecorded.Method.VISIT,
                Instant.parse("2026-03-08T15:00:00Z"),
                Instant.parse("2026-03-08T15:12:30Z"));
    }

    public static ComplianceCheckCorrected complianceCheckCorrected() {
        return new ComplianceCheckCorrected(
                ORDER_ID,
                "AST-2026-000123",
                "AST-ESIL",
                "AST-ESIL-UP-02",
                "f0a8b3c6-2d4e-4b71-8c95-7e1a6d3b9c20",
                "c41d9e27-6a3b-4f80-9e15-2b7d8a0c5f63",
                "officer-48213",
                "WRONG_TIME",
                ComplianceCheckRecorded.Method.VISIT,
                Instant.parse("2026-03-08T14:00:00Z"),
                Instant.parse("2026-03-08T16:02:00Z"));
    }

    public static ComplianceCheckOverdue complianceCheckOverdue() {
        return new ComplianceCheckOverdue(
                ORDER_ID,
                "AST-2026-000123",
                "AST-ESIL",
                "AST-ESIL-UP-02",
                Instant.parse("2026-03-16T09:40:00Z"),
                Instant.parse("2026-03-08T14:00:00Z"));
    }

    /** The example's amendment: prohibitions and protected persons changed, no new contacts. */
    public static OrderAmended orderAmended() {
        return new OrderAmended(
                ORDER_ID,
                "AST-2026-000123",
                "AST-ESIL",
                "AST-ESIL-UP-02",
                "supervisor-10377",
                List.of(OrderAmended.Change.PROHIBITIONS, OrderAmended.Change.PROTECTED_PERSONS),
                "VICTIM_REQUEST",
                List.of(
                        Prohibition.DOMESTIC_VIOLENCE,
                        Prohibition.SEEKING_VICTIM,
                        Prohibition.PURSUING_VICTIM,
                        Prohibition.VISITING_VICTIM,
                        Prohibition.CONTACTING_VICTIM),
                null,
                Instant.parse("2026-03-05T08:30:00Z"));
    }

    public static OrderRevoked orderRevoked() {
        return new OrderRevoked(
                ORDER_ID,
                "AST-2026-000123",
                "AST-ESIL",
                "AST-ESIL-UP-02",
                "supervisor-10377",
                "COURT_DECISION",
                Instant.parse("2026-03-20T11:00:00Z"));
    }

    public static OrderVoided orderVoided() {
        return new OrderVoided(
                ORDER_ID,
                "AST-2026-000123",
                "AST-ESIL",
                "AST-ESIL-UP-02",
                "supervisor-10377",
                "ENTERED_IN_ERROR",
                Instant.parse("2026-03-01T11:00:00Z"));
    }

    public static ExpiryApproaching expiryApproaching() {
        return new ExpiryApproaching(
                ORDER_ID,
                "AST-2026-000123",
                "AST-ESIL",
                "AST-ESIL-UP-02",
                Instant.parse("2026-04-01T19:00:00Z"),
                Instant.parse("2026-03-25T19:00:00Z"));
    }

    public static OrderExpired orderExpired() {
        return new OrderExpired(
                ORDER_ID, "AST-2026-000123", "AST-ESIL", "AST-ESIL-UP-02", Instant.parse("2026-04-01T19:00:00Z"));
    }

    /** The victim's contacts changed: the new ones travel sealed, bound to the order and field. */
    public static OrderAmended victimContactAmended() {
        return new OrderAmended(
                ORDER_ID,
                "AST-2026-000123",
                "AST-ESIL",
                "AST-ESIL-UP-02",
                "supervisor-10377",
                List.of(OrderAmended.Change.VICTIM_CONTACT),
                "VICTIM_MOVED",
                null,
                exampleCipher()
                        .sealJson(
                                victimContact(),
                                SealedFieldCipher.binding(ORDER_ID, OrderAmended.VICTIM_CONTACT_FIELD)),
                Instant.parse("2026-03-06T08:30:00Z"));
    }

    public static final String REQUIREMENTS_ID = "b7e1c9a4-2f6d-4d38-9a51-6c0e8f3b2d17";

    public static SpecialRequirementsImposed specialRequirementsImposed() {
        return new SpecialRequirementsImposed(
                ORDER_ID,
                REQUIREMENTS_ID,
                null,
                "AST-ESIL",
                "AST-SMAS-01",
                "7110-26-00-4/1234",
                "court-clerk-2201",
                List.of(Ban.CONTACTING_VICTIM, Ban.WEAPONS, Ban.PSYCHOACTIVE_SUBSTANCES),
                java.time.LocalDate.parse("2026-03-27"),
                Instant.parse("2026-03-27T19:00:00Z"),
                Instant.parse("2026-09-27T19:00:00Z"),
                new LegalBasis("KZ-245-VIII", "61", "2026-03-02"),
                Instant.parse("2026-03-28T05:12:40Z"));
    }

    /** Imposed after an administrative case, with no protective order: their own id is the subject. */
    public static SpecialRequirementsImposed specialRequirementsWithoutOrder() {
        return new SpecialRequirementsImposed(
                null,
                REQUIREMENTS_ID,
                "AST-ESIL-73-2026-0311",
                "AST-ESIL",
                "AST-SMAS-01",
                "7110-26-00-4/1234",
                "court-clerk-2201",
                List.of(Ban.CONTACTING_VICTIM),
                java.time.LocalDate.parse("2026-03-27"),
                Instant.parse("2026-03-27T19:00:00Z"),
                Instant.parse("2026-06-27T19:00:00Z"),
                new LegalBasis("KZ-245-VIII", "61", "2026-03-02"),
                Instant.parse("2026-03-28T05:12:40Z"));
    }

    public static SpecialRequirementsExtended specialRequirementsExtended() {
        return new SpecialRequirementsExtended(
                ORDER_ID,
                REQUIREMENTS_ID,
                "AST-ESIL",
                "AST-SMAS-01",
                "7110-26-00-4/1890",
                "court-clerk-2201",
                java.time.LocalDate.parse("2026-09-01"),
                Instant.parse("2026-09-27T19:00:00Z"),
                Instant.parse("2027-03-27T19:00:00Z"),
                Instant.parse("2026-09-01T06:30:00Z"));
    }

    public static SpecialRequirementsExpired specialRequirementsExpired() {
        return new SpecialRequirementsExpired(
                ORDER_ID, REQUIREMENTS_ID, "AST-ESIL", Instant.parse("2027-03-27T19:00:00Z"));
    }

    public static ReportingVisitRecorded reportingVisitRecorded() {
        return new ReportingVisitRecorded(
                ORDER_ID,
                REQUIREMENTS_ID,
                "AST-ESIL",
                "5d2c8e7a-1b4f-4a69-8c30-9e6f1a2b7d45",
                "officer-48213",
                Instant.parse("2026-04-06T04:30:00Z"),
                Instant.parse("2026-04-06T04:41:10Z"));
    }

    public static ReportingVisitMissed reportingVisitMissed() {
        return new ReportingVisitMissed(
                ORDER_ID,
                REQUIREMENTS_ID,
                "AST-ESIL",
                java.time.LocalDate.parse("2026-04-20"),
                Instant.parse("2026-04-20T19:00:00Z"));
    }

    public static RegisterEntered registerEntered() {
        return new RegisterEntered(
                ORDER_ID, ORDER_ID, Measure.PROTECTIVE_ORDER, "AST-ESIL", Instant.parse("2026-03-02T09:40:00Z"));
    }

    public static RegisterExited registerExited() {
        return new RegisterExited(
                ORDER_ID,
                REQUIREMENTS_ID,
                Measure.SPECIAL_REQUIREMENTS,
                "AST-ESIL",
                Instant.parse("2027-03-27T19:00:00Z"));
    }

    public static final String BAN_ID = "9a4f6c21-8e3b-4d57-a2c9-1f0e7b5d3a68";

    public static ApproachBanImposed approachBanImposed() {
        return new ApproachBanImposed(
                ORDER_ID,
                BAN_ID,
                null,
                "AST-ESIL",
                "AST-SMAS-02",
                "7110-26-00-1/0457",
                "court-clerk-2201",
                200,
                Instant.parse("2026-03-12T19:00:00Z"),
                Instant.parse("2026-06-12T19:00:00Z"),
                Instant.parse("2026-03-13T04:20:00Z"));
    }

    public static ApproachBanEnded approachBanEnded() {
        return new ApproachBanEnded(ORDER_ID, BAN_ID, "AST-ESIL", "TERM_ENDED", Instant.parse("2026-06-12T19:00:00Z"));
    }

    /** A supervisor lowered the risk with a reason. */
    public static RiskLevelChanged riskLevelChanged() {
        return new RiskLevelChanged(
                ORDER_ID,
                "AST-2026-000123",
                "AST-ESIL",
                "AST-ESIL-UP-02",
                "supervisor-10377",
                RiskLevel.HIGH,
                RiskLevel.MEDIUM,
                "OFFENDER_IN_TREATMENT",
                Instant.parse("2026-03-20T10:00:00Z"),
                Instant.parse("2026-03-20T10:05:00Z"));
    }

    public static RiskReassessmentOverdue riskReassessmentOverdue() {
        return new RiskReassessmentOverdue(
                ORDER_ID,
                "AST-2026-000123",
                "AST-ESIL",
                "AST-ESIL-UP-02",
                RiskLevel.HIGH,
                Instant.parse("2026-03-02T09:40:00Z"),
                Instant.parse("2026-03-09T09:40:00Z"));
    }

    /** An officer linked the offender of an order, recorded by a document, to an IIN. */
    public static PersonIdentified personIdentified() {
        return new PersonIdentified(
                ORDER_ID,
                ORDER_ID,
                Measure.PROTECTIVE_ORDER,
                "AST-ESIL",
                PersonIdentified.RecordedAs.DOCUMENT,
                "officer-20417",
                Instant.parse("2026-03-04T11:15:00Z"));
    }

    /** An officer recorded the reporting schedule: the first and third Monday. */
    public static ReportingScheduleRecorded reportingScheduleRecorded() {
        return new ReportingScheduleRecorded(
                ORDER_ID,
                "b7e1c9a4-2f6d-4d38-9a51-6c0e8f3b2d17",
                "AST-ESIL",
                List.of(),
                DayOfWeek.MONDAY,
                List.of(1, 3),
                "officer-48213",
                Instant.parse("2026-04-02T05:12:40Z"));
    }

    /** One sample per registered type. */
    public static List<QorgauEvent> all() {
        return List.of(
                orderIssued(),
                orderServed(),
                orderServiceFailed(),
                serviceOverdue(),
                violationReported(),
                violationConfirmed(),
                arrestStarted(),
                arrestEnded(),
                complianceCheckRecorded(),
                complianceCheckCorrected(),
                complianceCheckOverdue(),
                victimContactAmended(),
                orderRevoked(),
                orderVoided(),
                expiryApproaching(),
                orderExpired(),
                notificationSent(),
                notificationFailed(),
                notificationAcknowledged(),
                notificationEscalated(),
                notificationSuperseded(),
                contactVerificationRequested(),
                contactVerified(),
                contactOptedOut(),
                victimReplied(),
                victimRequestedHelp(),
                victimContactsRead(),
                personCheckHit(),
                parkingActionTaken(),
                specialRequirementsImposed(),
                specialRequirementsExtended(),
                specialRequirementsExpired(),
                reportingVisitRecorded(),
                reportingVisitMissed(),
                registerEntered(),
                registerExited(),
                approachBanImposed(),
                approachBanEnded(),
                riskLevelChanged(),
                riskReassessmentOverdue(),
                personIdentified(),
                reportingScheduleRecorded());
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
