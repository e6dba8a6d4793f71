package kz.qorgau.events.sealed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.TestEvents;
import kz.qorgau.events.VictimContact;
import kz.qorgau.events.catalog.EventTypes;
import kz.qorgau.events.json.EventJson;
import kz.qorgau.events.sealed.SealedFieldException.Reason;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class SealedFieldCipherTest {

    private static final byte[] PLAINTEXT = "{\"phone\":\"+77010000000\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ORDER_A = SealedFieldCipher.binding("order-a", "victimContact");
    private static final byte[] ORDER_B = SealedFieldCipher.binding("order-b", "victimContact");

    private final SealedFieldCipher cipher = new SealedFieldCipher(Map.of("k1", newKey()), "k1");

    @Test
    void roundTrips() {
        SealedField field = cipher.seal(PLAINTEXT, ORDER_A);

        assertThat(field.keyId()).isEqualTo("k1");
        assertThat(field.algorithm()).isEqualTo("AES-256-GCM");
        assertThat(Base64.getDecoder().decode(field.nonce())).hasSize(12);
        // Ciphertext = plaintext length + 16-byte tag (GCM adds no padding).
        assertThat(Base64.getDecoder().decode(field.ciphertext())).hasSize(PLAINTEXT.length + 16);
        assertThat(cipher.open(field, ORDER_A)).isEqualTo(PLAINTEXT);
    }

    @Test
    void ciphertextWithOneFlippedBitFailsToOpen() {
        SealedField field = cipher.seal(PLAINTEXT, ORDER_A);
        byte[] ciphertext = Base64.getDecoder().decode(field.ciphertext());
        ciphertext[3] ^= 0x01;
        SealedField tampered = new SealedField(
                field.keyId(),
                field.algorithm(),
                field.nonce(),
                Base64.getEncoder().encodeToString(ciphertext));

        assertFails(() -> cipher.open(tampered, ORDER_A), Reason.AUTHENTICATION_FAILED);
    }

    @Test
    void modifiedNonceFailsToOpen() {
        SealedField field = cipher.seal(PLAINTEXT, ORDER_A);
        byte[] nonce = Base64.getDecoder().decode(field.nonce());
        nonce[0] ^= (byte) 0x80;
        SealedField tampered = new SealedField(
                field.keyId(), field.algorithm(), Base64.getEncoder().encodeToString(nonce), field.ciphertext());

        assertFails(() -> cipher.open(tampered, ORDER_A), Reason.AUTHENTICATION_FAILED);
    }

    @Test
    void fieldMovedToAnotherOrderFailsToOpen() {
        SealedField field = cipher.seal(PLAINTEXT, ORDER_A);

        assertFails(() -> cipher.open(field, ORDER_B), Reason.AUTHENTICATION_FAILED);
        assertFails(
                () -> cipher.open(field, SealedFieldCipher.binding("order-a", "otherField")),
                Reason.AUTHENTICATION_FAILED);
    }

    @Test
    void relabelledKeyIdFailsEvenWhenTheKeyBytesAreTheSame() {
        SecretKey key = newKey();
        SealedFieldCipher twoNames = new SealedFieldCipher(Map.of("a", key, "b", key), "a");
        SealedField field = twoNames.seal(PLAINTEXT, ORDER_A);
        SealedField relabelled = new SealedField("b", field.algorithm(), field.nonce(), field.ciphertext());

        assertFails(() -> twoNames.open(relabelled, ORDER_A), Reason.AUTHENTICATION_FAILED);
    }

    @Test
    void unknownKeyIdFailsToOpen() {
        SealedField field = cipher.seal(PLAINTEXT, ORDER_A);
        SealedFieldCipher otherRing = new SealedFieldCipher(Map.of("k2", newKey()), "k2");

        assertFails(() -> otherRing.open(field, ORDER_A), Reason.UNKNOWN_KEY);
    }

    @Test
    void unsupportedAlgorithmAndMalformedPartsAreReported() {
        SealedField field = cipher.seal(PLAINTEXT, ORDER_A);

        assertFails(
                () -> cipher.open(new SealedField("k1", "ROT13", field.nonce(), field.ciphertext()), ORDER_A),
                Reason.UNSUPPORTED_ALGORITHM);
        assertFails(
                () -> cipher.open(new SealedField("k1", field.algorithm(), "%%%", field.ciphertext()), ORDER_A),
                Reason.MALFORMED);
        assertFails(
                () -> cipher.open(new SealedField("k1", field.algorithm(), "AAAA", field.ciphertext()), ORDER_A),
                Reason.MALFORMED);
        assertFails(() -> new SealedField("k1", field.algorithm(), field.nonce(), " "), Reason.MALFORMED);
    }

    @Test
    void sealingTheSamePlaintextTwiceGivesDifferentFields() {
        SealedField first = cipher.seal(PLAINTEXT, ORDER_A);
        SealedField second = cipher.seal(PLAINTEXT, ORDER_A);

        assertThat(first.nonce()).isNotEqualTo(second.nonce());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    }

    @Test
    void oldKeysStillOpenAfterRotationWhileNewSealsUseTheActiveKey() {
        SecretKey oldKey = newKey();
        SealedFieldCipher before = new SealedFieldCipher(Map.of("2026-01", oldKey), "2026-01");
        SealedField sealedBefore = before.seal(PLAINTEXT, ORDER_A);

        SealedFieldCipher after = new SealedFieldCipher(Map.of("2026-01", oldKey, "2026-02", newKey()), "2026-02");
        SealedField sealedAfter = after.seal(PLAINTEXT, ORDER_A);

        assertThat(after.open(sealedBefore, ORDER_A)).isEqualTo(PLAINTEXT);
        assertThat(sealedAfter.keyId()).isEqualTo("2026-02");
        assertThat(after.activeKeyId()).isEqualTo("2026-02");
        assertFails(() -> before.open(sealedAfter, ORDER_A), Reason.UNKNOWN_KEY);
    }

    @Test
    void keysComeFromBase64AndMustBe256Bits() {
        String key256 = Base64.getEncoder().encodeToString(new byte[32]);
        String key128 = Base64.getEncoder().encodeToString(new byte[16]);

        assertThat(SealedFieldCipher.fromBase64Keys(Map.of("k", key256), "k").activeKeyId())
                .isEqualTo("k");
        assertFails(() -> SealedFieldCipher.fromBase64Keys(Map.of("k", key128), "k"), Reason.INVALID_KEY_RING);
        assertFails(() -> SealedFieldCipher.fromBase64Keys(Map.of("k", "not base64!"), "k"), Reason.INVALID_KEY_RING);
        assertFails(() -> SealedFieldCipher.fromBase64Keys(Map.of("k", key256), "missing"), Reason.INVALID_KEY_RING);
        assertFails(
                () -> SealedFieldCipher.fromBase64Keys(Map.of("bad id", key256), "bad id"), Reason.INVALID_KEY_RING);
        assertFails(() -> SealedFieldCipher.fromBase64Keys(Map.of(), "k"), Reason.INVALID_KEY_RING);
    }

    @Test
    void errorMessagesAndToStringNeverShowKeysOrPlaintext() {
        String secret = Base64.getEncoder().encodeToString(new byte[16]);
        SealedFieldCipher ring = TestEvents.exampleCipher();

        assertThatThrownBy(() -> SealedFieldCipher.fromBase64Keys(Map.of("k", secret), "k"))
                .hasMessageNotContaining(secret);
        assertThat(ring.toString()).doesNotContain(TestEvents.EXAMPLE_KEY_BASE64);
        assertThat(TestEvents.victimContact().toString()).doesNotContain("+7701");
    }

    @Test
    void sealsAndOpensJsonRecords() {
        VictimContact contact = TestEvents.victimContact();
        byte[] binding = SealedFieldCipher.binding(TestEvents.ORDER_ID, OrderIssued.VICTIM_CONTACT_FIELD);

        SealedField field = cipher.sealJson(contact, binding);

        assertThat(cipher.openJson(field, binding, VictimContact.class)).isEqualTo(contact);
        assertThat(field.ciphertext()).doesNotContain("+7701");
        assertFails(
                () -> cipher.openJson(cipher.seal(PLAINTEXT, binding), binding, Integer.class),
                Reason.INVALID_PLAINTEXT);
    }

    @Test
    void theCheckedInExampleCarriesARealSealedFieldBoundToItsOrder() {
        OrderIssued example = EventJson.mapper()
                .readValue(TestEvents.resource(EventTypes.ORDER_ISSUED.exampleResource()), OrderIssued.class);
        SealedFieldCipher exampleRing = TestEvents.exampleCipher();

        VictimContact contact = exampleRing.openJson(
                example.victimContact(),
                SealedFieldCipher.binding(example.orderId(), OrderIssued.VICTIM_CONTACT_FIELD),
                VictimContact.class);

        assertThat(contact.email()).isEqualTo("victim@example.invalid");
        assertFails(
                () -> exampleRing.open(
                        example.victimContact(),
                        SealedFieldCipher.binding(
                                "9b0c6c1a-2f6e-4b7e-8a51-3c2d1e0f9a87", OrderIssued.VICTIM_CONTACT_FIELD)),
                Reason.AUTHENTICATION_FAILED);
    }

    private static void assertFails(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SealedFieldException.class, e -> assertThat(e.reason())
                .isEqualTo(reason));
    }

    private static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
