package kz.qorgau.auditlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signed notes and checkpoints against the published examples, each with its source. */
class SignedNoteTest {

    /** golang.org/x/mod sumdb/note/note_test.go TestSign (github.com/golang/mod, BSD-3-Clause). */
    static final String PETER_SECRET = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";

    static final String PETER_VERIFIER = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String PETER_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String PETER_NOTE = PETER_TEXT + "\n"
            + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    /** C2SP signed-note.md, "Verifier keys" example (github.com/C2SP/C2SP, commit 5ba5ee8). */
    static final String C2SP_VERIFIER = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";

    static final String C2SP_NOTE = "This is an example message.\n\n"
            + "\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

    @Test
    void signsAsGoSumdbNoteDoes() {
        NoteSigner signer = NoteSigner.parse(PETER_SECRET);

        assertThat(signer.verifierKey()).isEqualTo(PETER_VERIFIER);
        assertThat(signer.keyIdHex()).isEqualTo("c74f20a3");
        // Ed25519 is deterministic: the same key and text give the same note, byte for byte.
        assertThat(signer.sign(PETER_TEXT)).isEqualTo(PETER_NOTE);
    }

    @Test
    void writesSecretKeysThatItReadsBack() {
        byte[] typed = Base64.getDecoder().decode(PETER_SECRET.split("\\+", 5)[4]);
        assertThat(NoteSigner.secretKey("PeterNeumann", java.util.Arrays.copyOfRange(typed, 1, 33)))
                .isEqualTo(PETER_SECRET);
        String generated = NoteSigner.generate("qorgau.kz/audit", new java.security.SecureRandom());
        assertThat(NoteSigner.parse(generated).name()).isEqualTo("qorgau.kz/audit");
    }

    @Test
    void verifiesTheC2spExample() {
        NoteVerifier verifier = NoteVerifier.parse(C2SP_VERIFIER);

        assertThat(SignedNote.parse(C2SP_NOTE).verifiedText(List.of(verifier)))
                .contains("This is an example message.\n");
    }

    @Test
    void refusesAChangedTextOrSignatureAndIgnoresUnknownKeys() {
        NoteVerifier c2sp = NoteVerifier.parse(C2SP_VERIFIER);
        NoteVerifier peter = NoteVerifier.parse(PETER_VERIFIER);

        assertThat(SignedNote.parse(C2SP_NOTE.replace("example message", "example massage"))
                        .verifiedText(List.of(c2sp)))
                .isEmpty();
        assertThat(SignedNote.parse(C2SP_NOTE.replace("Uw2QOkn8", "Uw2QOkn9")).verifiedText(List.of(c2sp)))
                .isEmpty();
        // Only an unknown key signed it: rejected, however valid that signature is.
        assertThat(SignedNote.parse(C2SP_NOTE).verifiedText(List.of(peter))).isEmpty();
        // A second, unknown signature (a witness's) is ignored.
        String cosigned = PETER_NOTE + C2SP_NOTE.substring(C2SP_NOTE.indexOf('\u2014'));
        assertThat(SignedNote.parse(cosigned).verifiedText(List.of(peter))).contains(PETER_TEXT);
        // The same name with another key ID is another key: ignored, not failed.
        String impostor = PETER_NOTE.replace("x08go", "AAAAo");
        assertThat(SignedNote.parse(impostor).verifiedText(List.of(peter))).isEmpty();
    }

    @Test
    void refusesMalformedKeys() {
        assertThatThrownBy(() -> NoteVerifier.parse(C2SP_VERIFIER.replace("530d903a", "530d903b")))
                .hasMessageContaining("key id does not match");
        assertThatThrownBy(() -> NoteSigner.parse(PETER_SECRET.replace("c74f20a3", "c74f20a4")))
                .hasMessageContaining("key id does not match")
                .hasMessageNotContaining("AYEKFALV");
        assertThatThrownBy(() -> NoteSigner.parse("PeterNeumann")).isInstanceOf(IllegalArgumentException.class);
    }

    /** C2SP tlog-checkpoint.md's example checkpoint text (its signing key is not published). */
    @Test
    void readsTheC2spCheckpointExample() {
        Checkpoint checkpoint = Checkpoint.parse(
                "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");

        assertThat(checkpoint.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(checkpoint.size()).isEqualTo(20852163);
        assertThat(Base64.getEncoder().encodeToString(checkpoint.root()))
                .isEqualTo("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=");
        assertThat(checkpoint.text())
                .isEqualTo("example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
    }

    @Test
    void signsAndVerifiesACheckpoint() {
        NoteSigner signer = NoteSigner.of("qorgau.kz/audit", new byte[32]);
        Checkpoint checkpoint = new Checkpoint(
                "qorgau.kz/audit", 8, KnownAnswerTest.constantsTree().root());

        String note = signer.sign(checkpoint.text());

        assertThat(Checkpoint.verified(note, List.of(NoteVerifier.parse(signer.verifierKey()))))
                .isEqualTo(checkpoint);
        assertThatThrownBy(() -> Checkpoint.verified(
                        note.replace("\n8\n", "\n9\n"), List.of(NoteVerifier.parse(signer.verifierKey()))))
                .hasMessageContaining("no known key");
        assertThatThrownBy(() -> Checkpoint.parse("qorgau.kz/audit\n08\nAAAA\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
