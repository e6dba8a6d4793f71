package kz.qorgau.order.protectiveorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import kz.qorgau.events.sealed.LocalDemoKeys;
import kz.qorgau.events.sealed.SealedFieldCipher;
import kz.qorgau.kit.problem.InvalidRequestException;
import kz.qorgau.kit.problem.Problems.FieldProblem;
import kz.qorgau.order.atrest.PersonalDataVault;
import org.junit.jupiter.api.Test;

/** The decisions about people without an IIN (docs/adr/0035), without a database. */
class OffenderIdentityTest {

    private static final OffenderIdentity.Fields FIELDS =
            new OffenderIdentity.Fields("offender.iin", "offender.document", "offender.unidentified");
    private static final String IIN = "850703300127";
    private static final PersonDocument PASSPORT = new PersonDocument(DocumentType.PASSPORT, "AB 123-456", "UZB");
    private static final PersonalDataVault VAULT = new PersonalDataVault(
            SealedFieldCipher.fromBase64Keys(Map.of("k1", LocalDemoKeys.AT_REST_KEY), "k1"),
            LocalDemoKeys.BLIND_INDEX_KEY);

    @Test
    void exactlyOneOfIinDocumentOrDescriptionNamesTheOffender() {
        assertThat(OffenderIdentity.problems(FIELDS, IIN, null, null)).isEmpty();
        assertThat(OffenderIdentity.problems(FIELDS, null, PASSPORT, null)).isEmpty();
        assertThat(OffenderIdentity.problems(FIELDS, null, null, "Tall, about 40"))
                .isEmpty();
        for (List<FieldProblem> problems : List.of(
                OffenderIdentity.problems(FIELDS, null, null, null),
                OffenderIdentity.problems(FIELDS, IIN, PASSPORT, null),
                OffenderIdentity.problems(FIELDS, IIN, null, "Tall"),
                OffenderIdentity.problems(FIELDS, null, PASSPORT, "Tall"))) {
            assertThat(problems).extracting(FieldProblem::field).containsExactly("offender.iin");
        }
        assertThat(OffenderIdentity.problems(FIELDS, null, null, "   "))
                .extracting(FieldProblem::field)
                .containsExactly("offender.unidentified");
        assertThat(OffenderIdentity.problems(FIELDS, null, null, "x".repeat(501)))
                .extracting(FieldProblem::field)
                .containsExactly("offender.unidentified");
    }

    @Test
    void aCitizenshipIsAnIsoCountryOrStatelessAndAStatelessCertificateIsAStatelessPersons() {
        assertThat(new PersonDocument(DocumentType.RESIDENCE_PERMIT, "R1", "RUS").problems("d"))
                .isEmpty();
        assertThat(new PersonDocument(DocumentType.STATELESS_CERTIFICATE, "S1", "stateless").problems("d"))
                .isEmpty();
        assertThat(new PersonDocument(DocumentType.OTHER, "O1", "stateless").problems("d"))
                .isEmpty();
        assertThat(new PersonDocument(DocumentType.PASSPORT, "P1", "XYZ").problems("d"))
                .extracting(FieldProblem::field, FieldProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "d.citizenship", "is not an ISO 3166-1 alpha-3 country code"));
        assertThat(new PersonDocument(DocumentType.STATELESS_CERTIFICATE, "S1", "KAZ").problems("d"))
                .extracting(FieldProblem::field)
                .containsExactly("d.citizenship");
    }

    @Test
    void aPersonLookedUpIsNamedByExactlyOneOfIinAndDocument() {
        PersonDocument.requireOneOf(IIN, null);
        PersonDocument.requireOneOf(null, PASSPORT);
        assertThatThrownBy(() -> PersonDocument.requireOneOf(null, null)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> PersonDocument.requireOneOf(IIN, PASSPORT))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aDocumentIsComparedWithoutCaseSpacesOrHyphensAndNeverMeetsAnIin() {
        PersonDocument writtenOtherwise = new PersonDocument(DocumentType.PASSPORT, "ab123456", "UZB");
        assertThat(writtenOtherwise.canonical()).isEqualTo(PASSPORT.canonical());
        assertThat(VAULT.documentBlindIndex(writtenOtherwise.canonical()))
                .isEqualTo(VAULT.documentBlindIndex(PASSPORT.canonical()))
                .hasSize(32);
        // Another type or citizenship is another document.
        assertThat(new PersonDocument(DocumentType.FOREIGN_ID, "AB123456", "UZB").canonical())
                .isNotEqualTo(PASSPORT.canonical());
        assertThat(new PersonDocument(DocumentType.PASSPORT, "AB123456", "KGZ").canonical())
                .isNotEqualTo(PASSPORT.canonical());
        // The same text as an IIN and as a document number gives different indexes (separate HMAC domains).
        assertThat(VAULT.documentBlindIndex(IIN)).isNotEqualTo(VAULT.blindIndex(IIN));
    }

    @Test
    void theKeyOfAPersonIsTheIinsTheDocumentsOrNobodysAndNothingPrintsThem() {
        assertThat(new OffenderIdentity(IIN, null, null).personIndex(VAULT)).isEqualTo(VAULT.blindIndex(IIN));
        assertThat(new OffenderIdentity(null, PASSPORT, null).personIndex(VAULT))
                .isEqualTo(VAULT.documentBlindIndex(PASSPORT.canonical()));
        OffenderIdentity unidentified = new OffenderIdentity(null, null, "Tall, about 40");
        assertThat(unidentified.personIndex(VAULT))
                .as("two unidentified people are never the same")
                .isNotEqualTo(unidentified.personIndex(VAULT));
        assertThat(unidentified.index(VAULT)).isNull();
        assertThat(new OffenderIdentity(null, PASSPORT, null).documentIndex(VAULT))
                .isNotNull();
        assertThat(List.of(PASSPORT, new OffenderIdentity(null, PASSPORT, "Tall"), unidentified)
                        .toString())
                .doesNotContain("AB 123")
                .doesNotContain("UZB")
                .doesNotContain("Tall");
        assertThatThrownBy(() -> new OffenderIdentity(null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OffenderIdentity("123", null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
