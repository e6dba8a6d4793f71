package kz.qorgau.identity.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;

class SigningKeysTest {

    @TempDir
    Path directory;

    @Test
    void aConfiguredPemKeyIsLoadedWithItsPublicHalfAndAStableKeyId() throws Exception {
        RSAKey original = SigningKeys.generate();
        Path pem = writePem("PRIVATE KEY", original.toPrivateKey().getEncoded());

        RSAKey loaded = SigningKeys.load(new FileSystemResource(pem));

        assertThat(loaded.toPublicJWK()).isEqualTo(original.toPublicJWK());
        assertThat(loaded.getKeyID()).isEqualTo(original.getKeyID());
        assertThat(loaded.isPrivate()).isTrue();
        assertThat(SigningKeys.load(new FileSystemResource(pem)).getKeyID()).isEqualTo(loaded.getKeyID());
    }

    @Test
    void generatedKeysDiffer() {
        assertThat(SigningKeys.generate().getKeyID())
                .isNotEqualTo(SigningKeys.generate().getKeyID());
    }

    @Test
    void aPublicKeyIsNotASigningKey() throws Exception {
        Path pem = writePem("PUBLIC KEY", SigningKeys.generate().toPublicKey().getEncoded());

        assertThatThrownBy(() -> SigningKeys.load(new FileSystemResource(pem)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Path writePem(String type, byte[] der) throws Exception {
        String pem = "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
        return Files.writeString(directory.resolve("key.pem"), pem);
    }
}
