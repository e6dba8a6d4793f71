package kz.qorgau.notification.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a contact may be sent, how codes are checked and what the verification message says (docs/adr/0030). */
class ContactDecisionsTest {

    @Test
    void onlyAVerifiedContactGetsNoticesAndOnlyAnUnverifiedOneItsCode() {
        assertThat(ContactGate.reason(ContactState.UNVERIFIED, true)).isNull();
        assertThat(ContactGate.reason(ContactState.UNVERIFIED, false)).isEqualTo("CONTACT_UNVERIFIED");
        assertThat(ContactGate.reason(ContactState.VERIFIED, false)).isNull();
        assertThat(ContactGate.reason(ContactState.VERIFIED, true)).isEqualTo("CONTACT_VERIFIED");
        for (ContactState nothing :
                Set.of(ContactState.OPTED_OUT, ContactState.LOCKED, ContactState.NOT_OPTED_IN, ContactState.REPLACED)) {
            assertThat(ContactGate.reason(nothing, true))
                    .as("%s, its code", nothing)
                    .isNotNull();
            assertThat(ContactGate.reason(nothing, false))
                    .as("%s, a notice", nothing)
                    .isNotNull();
        }
        assertThat(ContactGate.reason(null, false)).isEqualTo("CONTACT_DELETED");
    }

    @Test
    void aCodeMatchesOnlyItselfWhitespaceAside() {
        assertThat(ContactVerification.matches("042917", "042917")).isTrue();
        assertThat(ContactVerification.matches("042917", " 042917\n")).isTrue();
        assertThat(ContactVerification.matches("042917", "42917")).isFalse();
        assertThat(ContactVerification.matches("042917", "042918")).isFalse();
        assertThat(ContactVerification.matches("042917", "")).isFalse();
        assertThat(ContactVerification.matches("042917", null)).isFalse();
    }

    @Test
    void codesAreSixRandomDigits() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String code = ContactRecording.newCode();
            assertThat(code).matches("^[0-9]{6}$");
            codes.add(code);
        }
        assertThat(codes).hasSizeGreaterThan(190);
    }

    @Test
    void aRedeliveredEventFindsTheContactsItMade() {
        UUID event = UUID.randomUUID();
        assertThat(ContactRecording.contactId(event, 0)).isEqualTo(ContactRecording.contactId(event, 0));
        assertThat(ContactRecording.contactId(event, 0)).isNotEqualTo(ContactRecording.contactId(event, 1));
        assertThat(ContactRecording.contactId(event, 0)).isNotEqualTo(ContactRecording.contactId(UUID.randomUUID(), 0));
    }

    @Test
    void theVerificationMessageNamesNeitherThePoliceNorQorgauNorAnOrderInAnyLanguage() {
        for (String language : Set.of("kk", "ru", "en")) {
            String text = VerificationMessages.fill(
                            VerificationMessages.subject(language) + " "
                                    + VerificationMessages.body(language, kz.qorgau.events.NotificationChannel.EMAIL),
                            "123456",
                            "https://n.example/v/t")
                    .toLowerCase(java.util.Locale.ROOT);
            assertThat(text)
                    .contains("123456", "https://n.example/v/t")
                    .doesNotContain("qorgau", "police", "полиц", "order", "предписан", "нұсқама", "қорғау");
        }
        assertThat(VerificationMessages.body("kk")).contains("Растау коды");
        assertThat(VerificationMessages.body("en")).startsWith("Your confirmation code");
    }

    @Test
    void anEmailSaysNotToReplyToItAndToUseTheLinkAnSmsDoesNot() {
        assertThat(VerificationMessages.body("en", kz.qorgau.events.NotificationChannel.EMAIL))
                .endsWith("Do not reply to this e-mail: replies are not read. Use the link.");
        assertThat(VerificationMessages.body("ru", kz.qorgau.events.NotificationChannel.EMAIL))
                .contains("Не отвечайте на это письмо");
        assertThat(VerificationMessages.body("kk", kz.qorgau.events.NotificationChannel.EMAIL))
                .contains("Бұл хатқа жауап бермеңіз");
        assertThat(VerificationMessages.body("en", kz.qorgau.events.NotificationChannel.SMS))
                .isEqualTo(VerificationMessages.body("en"))
                .doesNotContain("e-mail");
    }
}
