package kz.qorgau.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The rules of {@link AccessRecorded} that its compact constructor enforces. */
class AccessRecordedTest {

    private static final String ACCESS_ID = "1c7f4e2a-8b3d-4f69-a0e5-6d2b9c8a7f14";
    private static final Instant NOW = Instant.parse("2026-03-01T11:02:45Z");
    private static final AccessRecorded.Accessor SUPERVISOR =
            new AccessRecorded.Accessor("demo-supervisor-a", List.of("SUPERVISOR"), "AST-ESIL");
    private static final String PURPOSE = "Arranging the victim's safety plan with the duty unit.";

    @Test
    void theSubjectIsTheOrderWhenThereIsOneAndTheAccessOtherwise() {
        assertThat(TestEvents.victimContactsRead().subject()).isEqualTo(TestEvents.ORDER_ID);
        assertThat(TestEvents.breakGlassRead().subject()).isEqualTo(TestEvents.ORDER_ID);
        AccessRecorded check = TestEvents.personCheck();
        assertThat(check.subject()).isEqualTo(check.accessId());
        AccessRecorded grantForNoOrder =
                access(AccessKind.BREAK_GLASS_GRANTED, null, null, PURPOSE, TestEvents.breakGlass(), 0, true);
        assertThat(grantForNoOrder.subject()).isEqualTo(ACCESS_ID);
    }

    @Test
    void everySampleKindIsAccepted() {
        assertThat(TestEvents.accessRecords())
                .extracting(AccessRecorded::kind)
                .containsExactlyInAnyOrder(AccessKind.values());
        assertThat(AccessKind.BREAK_GLASS_GRANTED.isBreakGlass()).isTrue();
        assertThat(AccessKind.BREAK_GLASS_READ.isBreakGlass()).isTrue();
        assertThat(AccessKind.VICTIM_CONTACTS_READ.isBreakGlass()).isFalse();
        assertThat(AccessKind.PERSON_CHECK.isBreakGlass()).isFalse();
    }

    @Test
    void aContactsReadNeedsItsPurposeAndOrder() {
        assertRefused(
                () -> access(AccessKind.VICTIM_CONTACTS_READ, TestEvents.ORDER_ID, "AST-ESIL", null, null, 0, false),
                "purpose",
                "is required");
        assertRefused(
                () -> access(AccessKind.VICTIM_CONTACTS_READ, TestEvents.ORDER_ID, "AST-ESIL", " ", null, 0, false),
                "purpose",
                "must not be blank");
        assertRefused(
                () -> access(
                        AccessKind.VICTIM_CONTACTS_READ,
                        TestEvents.ORDER_ID,
                        "AST-ESIL",
                        "x".repeat(AccessRecorded.MAX_TEXT_LENGTH + 1),
                        null,
                        0,
                        false),
                "purpose",
                "at most 500");
        assertRefused(
                () -> access(AccessKind.VICTIM_CONTACTS_READ, null, null, PURPOSE, null, 0, false),
                "orderId",
                "is required");
        assertRefused(
                () -> access(AccessKind.VICTIM_CONTACTS_READ, "not-a-uuid", null, PURPOSE, null, 0, false),
                "orderId",
                "must be a UUID");
        assertThat(access(
                                AccessKind.VICTIM_CONTACTS_READ,
                                TestEvents.ORDER_ID,
                                null,
                                "x".repeat(AccessRecorded.MAX_TEXT_LENGTH),
                                null,
                                0,
                                false)
                        .purpose())
                .hasSize(500);
    }

    @Test
    void theBreakGlassKindsNeedTheirGrantAPurposeAndAReview() {
        for (AccessKind kind : List.of(AccessKind.BREAK_GLASS_GRANTED, AccessKind.BREAK_GLASS_READ)) {
            assertRefused(
                    () -> access(kind, TestEvents.ORDER_ID, "AST-ESIL", PURPOSE, null, 0, true),
                    "breakGlass",
                    "is required");
            assertRefused(
                    () -> access(kind, TestEvents.ORDER_ID, "AST-ESIL", null, TestEvents.breakGlass(), 0, true),
                    "purpose",
                    "is required");
            assertRefused(
                    () -> access(kind, TestEvents.ORDER_ID, "AST-ESIL", PURPOSE, TestEvents.breakGlass(), 0, false),
                    "requiresReview",
                    "must be true");
        }
        assertRefused(
                () -> access(AccessKind.BREAK_GLASS_READ, null, null, PURPOSE, TestEvents.breakGlass(), 0, true),
                "orderId",
                "is required");
    }

    @Test
    void aGrantNeedsAnIdAReasonAndAnExpiry() {
        Instant expiry = Instant.parse("2026-03-02T06:35:00Z");
        String grantId = "5e3a9c17-0f2b-4d68-a4c1-8b7d2e6f9a03";

        assertRefused(() -> new AccessRecorded.BreakGlass(grantId, "  ", expiry), "reason", "must not be blank");
        assertRefused(() -> new AccessRecorded.BreakGlass(grantId, "", expiry), "reason", "must not be blank");
        assertRefused(() -> new AccessRecorded.BreakGlass(grantId, null, expiry), "reason", "is required");
        assertRefused(() -> new AccessRecorded.BreakGlass(grantId, "r".repeat(501), expiry), "reason", "at most 500");
        assertRefused(() -> new AccessRecorded.BreakGlass("42", "reason", expiry), "grantId", "must be a UUID");
        assertRefused(() -> new AccessRecorded.BreakGlass(grantId, "reason", null), "expiresAt", "is required");
    }

    @Test
    void onlyTheBreakGlassKindsCarryAGrant() {
        assertRefused(
                () -> access(
                        AccessKind.VICTIM_CONTACTS_READ,
                        TestEvents.ORDER_ID,
                        "AST-ESIL",
                        PURPOSE,
                        TestEvents.breakGlass(),
                        0,
                        false),
                "breakGlass",
                "must be null");
        assertRefused(
                () -> access(AccessKind.PERSON_CHECK, null, null, null, TestEvents.breakGlass(), 1, false),
                "breakGlass",
                "must be null");
    }

    @Test
    void aPersonCheckNamesNoOrderAndCountsItsMatches() {
        AccessRecorded withPurpose = access(AccessKind.PERSON_CHECK, null, null, PURPOSE, null, 0, true);
        assertThat(withPurpose.purpose()).isEqualTo(PURPOSE);
        assertThat(withPurpose.requiresReview()).isTrue();

        assertRefused(
                () -> access(AccessKind.PERSON_CHECK, TestEvents.ORDER_ID, null, null, null, 1, false),
                "orderId",
                "must be null");
        assertRefused(
                () -> access(AccessKind.PERSON_CHECK, null, "AST-ESIL", null, null, 1, false),
                "orderDistrict",
                "must be null without an orderId");
        assertRefused(
                () -> access(AccessKind.PERSON_CHECK, null, null, null, null, -1, false),
                "matchedOrders",
                "must not be negative");
        assertRefused(
                () -> access(AccessKind.PERSON_CHECK, null, null, " ", null, 0, false), "purpose", "must not be blank");
    }

    @Test
    void onlyAPersonCheckCountsMatches() {
        assertRefused(
                () -> access(AccessKind.VICTIM_CONTACTS_READ, TestEvents.ORDER_ID, "AST-ESIL", PURPOSE, null, 1, false),
                "matchedOrders",
                "must be 0");
    }

    @Test
    void theRequiredFieldsAreRequired() {
        List<String> fields = List.of("victim.contacts");
        assertRefused(
                () -> new AccessRecorded(
                        null, NOW, AccessKind.PERSON_CHECK, SUPERVISOR, null, null, fields, null, null, 0, false),
                "accessId",
                "is required");
        assertRefused(
                () -> new AccessRecorded(
                        ACCESS_ID, null, AccessKind.PERSON_CHECK, SUPERVISOR, null, null, fields, null, null, 0, false),
                "occurredAt",
                "is required");
        assertRefused(
                () -> new AccessRecorded(ACCESS_ID, NOW, null, SUPERVISOR, null, null, fields, null, null, 0, false),
                "kind",
                "is required");
        assertRefused(
                () -> new AccessRecorded(
                        ACCESS_ID, NOW, AccessKind.PERSON_CHECK, null, null, null, fields, null, null, 0, false),
                "actor",
                "is required");
        assertRefused(
                () -> new AccessRecorded(
                        ACCESS_ID, NOW, AccessKind.PERSON_CHECK, SUPERVISOR, null, null, null, null, null, 0, false),
                "fields",
                "is required");
    }

    @Test
    void disclosedFieldsAreDistinctNamesNotValues() {
        assertThat(accessWithFields(List.of()).fields()).isEmpty();
        assertThat(accessWithFields(List.of("victim.contacts", "offender.residence", "victim.phoneNumber2"))
                        .fields())
                .hasSize(3);

        assertRefused(
                () -> accessWithFields(List.of("victim.contacts", "victim.contacts")),
                "fields",
                "must not contain duplicates");
        assertRefused(() -> accessWithFields(List.of("victim.contacts", "+77010000000")), "fields[1]", "must match");
        assertRefused(() -> accessWithFields(List.of("victim contacts")), "fields[0]", "must match");
        assertRefused(() -> accessWithFields(List.of("Victim.contacts")), "fields[0]", "must match");
        assertRefused(() -> accessWithFields(List.of("a".repeat(65))), "fields[0]", "must match");
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        assertRefused(() -> accessWithFields(withNull), "fields", "must not contain null");
    }

    @Test
    void theActorIsPseudonymousWithRoleCodes() {
        assertRefused(() -> new AccessRecorded.Accessor(" ", List.of("OFFICER"), null), "subject", "must not be blank");
        assertRefused(
                () -> new AccessRecorded.Accessor("s".repeat(256), List.of("OFFICER"), null), "subject", "at most 255");
        assertRefused(
                () -> new AccessRecorded.Accessor("demo-officer-a", List.of(), null), "roles", "must not be empty");
        assertRefused(() -> new AccessRecorded.Accessor("demo-officer-a", null, null), "roles", "is required");
        assertRefused(
                () -> new AccessRecorded.Accessor("demo-officer-a", List.of("OFFICER", "OFFICER"), null),
                "roles",
                "must not contain duplicates");
        assertRefused(
                () -> new AccessRecorded.Accessor("demo-officer-a", List.of("OFFICER", "chief inspector"), null),
                "roles[1]",
                "must match");
        assertRefused(
                () -> new AccessRecorded.Accessor("demo-officer-a", List.of("OFFICER"), " "),
                "district",
                "must not be blank");
        assertThat(new AccessRecorded.Accessor("demo-court-clerk", List.of("COURT"), null).district())
                .isNull();
    }

    @Test
    void listsAreCopiedSoTheRecordStaysImmutable() {
        List<String> fields = new ArrayList<>(List.of("victim.contacts"));
        List<String> roles = new ArrayList<>(List.of("SUPERVISOR"));
        AccessRecorded access = new AccessRecorded(
                ACCESS_ID,
                NOW,
                AccessKind.VICTIM_CONTACTS_READ,
                new AccessRecorded.Accessor("demo-supervisor-a", roles, null),
                TestEvents.ORDER_ID,
                null,
                fields,
                PURPOSE,
                null,
                0,
                false);
        fields.add("victim.address");
        roles.add("OFFICER");

        assertThat(access.fields()).containsExactly("victim.contacts");
        assertThat(access.actor().roles()).containsExactly("SUPERVISOR");
        assertThatThrownBy(() -> access.fields().add("victim.address"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void errorsNameTheTypeAndFieldButNeverEchoTheValue() {
        String personalData = "Call +77010000000, victim at Example street 1";
        assertThatThrownBy(() -> accessWithFields(List.of(personalData)))
                .isInstanceOfSatisfying(EventContractException.class, e -> {
                    assertThat(e.eventType()).isEqualTo(AccessRecorded.TYPE);
                    assertThat(e.getMessage()).doesNotContain("+7701", "Example street");
                });
    }

    private static AccessRecorded accessWithFields(List<String> fields) {
        return new AccessRecorded(
                ACCESS_ID,
                NOW,
                AccessKind.VICTIM_CONTACTS_READ,
                SUPERVISOR,
                TestEvents.ORDER_ID,
                "AST-ESIL",
                fields,
                PURPOSE,
                null,
                0,
                false);
    }

    private static AccessRecorded access(
            AccessKind kind,
            String orderId,
            String orderDistrict,
            String purpose,
            AccessRecorded.BreakGlass breakGlass,
            int matchedOrders,
            boolean requiresReview) {
        return new AccessRecorded(
                ACCESS_ID,
                NOW,
                kind,
                SUPERVISOR,
                orderId,
                orderDistrict,
                List.of("victim.contacts"),
                purpose,
                breakGlass,
                matchedOrders,
                requiresReview);
    }

    private static void assertRefused(ThrowingCallable construction, String field, String problem) {
        assertThatThrownBy(construction).isInstanceOfSatisfying(EventContractException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.problem()).contains(problem);
        });
    }
}
