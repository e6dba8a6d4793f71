package kz.qorgau.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.List;
import kz.qorgau.events.VictimContact.ContactPoint;
import kz.qorgau.events.VictimContact.QuietHours;
import kz.qorgau.events.catalog.EventTypes;
import kz.qorgau.events.json.EventJson;
import kz.qorgau.events.sealed.SealedField;
import kz.qorgau.events.sealed.SealedFieldCipher;
import org.junit.jupiter.api.Test;

/** The sealed contacts' two versions (docs/adr/0030): version 2 carries every contact, version 1 still opens. */
class VictimContactTest {

    private static final byte[] BINDING =
            SealedFieldCipher.binding(TestEvents.ORDER_ID, OrderIssued.VICTIM_CONTACT_FIELD);

    @Test
    void versionTwoCarriesEveryContactAndFillsTheFirstVersionsFieldsForOlderReaders() {
        List<ContactPoint> points = List.of(
                new ContactPoint(
                        NotificationChannel.SMS,
                        "+77010000001",
                        "kk",
                        new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0)),
                        true),
                new ContactPoint(NotificationChannel.EMAIL, "a@example.invalid", "ru", null, true),
                new ContactPoint(NotificationChannel.SMS, "+77010000002", "en", null, false));
        VictimContact contact = VictimContact.of("Example Person", points);
        SealedFieldCipher cipher = TestEvents.exampleCipher();

        SealedField sealed = cipher.sealJson(contact, BINDING);
        VictimContact opened = cipher.openJson(sealed, BINDING, VictimContact.class);

        assertThat(opened).isEqualTo(contact);
        assertThat(opened.version()).isEqualTo(VictimContact.CURRENT_VERSION);
        assertThat(opened.contactPoints()).isEqualTo(points);
        assertThat(opened.phone()).isEqualTo("+77010000001");
        assertThat(opened.email()).isEqualTo("a@example.invalid");
        assertThat(opened.language()).isEqualTo("kk");
        assertThat(sealed.toString()).doesNotContain("+7701");
    }

    @Test
    void aVersionOnePlaintextStillOpensAsItsPhoneThenItsEmail() {
        OrderIssued example = EventJson.mapper()
                .readValue(TestEvents.resource(EventTypes.ORDER_ISSUED.exampleResource()), OrderIssued.class);

        VictimContact contact = TestEvents.exampleCipher()
                .openJson(
                        example.victimContact(),
                        SealedFieldCipher.binding(example.orderId(), OrderIssued.VICTIM_CONTACT_FIELD),
                        VictimContact.class);

        assertThat(contact.version()).isNull();
        assertThat(contact.contactPoints())
                .extracting(ContactPoint::channel, ContactPoint::language, ContactPoint::optedIn)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(NotificationChannel.SMS, "kk", true),
                        org.assertj.core.groups.Tuple.tuple(NotificationChannel.EMAIL, "kk", true));
    }

    @Test
    void aContactIsSmsOrEmailInAKnownLanguageAndNeverPrintsItsAddress() {
        assertThatThrownBy(() -> new ContactPoint(NotificationChannel.WEBHOOK, "https://x", "kk", null, true))
                .isInstanceOf(EventContractException.class);
        assertThatThrownBy(() -> new ContactPoint(NotificationChannel.SMS, "+77010000001", "de", null, true))
                .isInstanceOf(EventContractException.class);
        assertThatThrownBy(() -> VictimContact.of("x", List.of())).isInstanceOf(EventContractException.class);
        assertThat(new ContactPoint(NotificationChannel.SMS, "+77010000001", "kk", null, true).toString())
                .doesNotContain("7701");
        String json = new String(
                EventJson.mapper().writeValueAsBytes(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 30))),
                StandardCharsets.UTF_8);
        assertThat(json).contains("22:00").contains("07:30");
    }
}
