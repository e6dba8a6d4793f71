package kz.qorgau.infrastructure.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyFileTest {

    @TempDir
    Path dir;

    @Test
    void makesAnOwnerOnlyPkcs8RsaKeyOnceAndKeepsIt() throws Exception {
        Path file = dir.resolve("keys/identity-signing-key.pem");

        Path made = SigningKeyFile.ensure(file);
        String first = Files.readString(made);
        Path again = SigningKeyFile.ensure(file);

        assertThat(made).isEqualTo(file.toAbsolutePath());
        assertThat(first).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(Files.readString(again)).as("an existing key is kept").isEqualTo(first);
        if (Files.getFileStore(made).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made)))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void readsThePrivateKeyAndItsPublicHalf() throws Exception {
        KeyPair pair = SigningKeyFile.read(SigningKeyFile.ensure(dir.resolve("key.pem")));
        byte[] data = "qorgau".getBytes(StandardCharsets.UTF_8);

        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(pair.getPrivate());
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(pair.getPublic());
        verifier.update(data);

        assertThat(verifier.verify(signature)).isTrue();
        assertThat(((RSAPublicKey) pair.getPublic()).getModulus().bitLength()).isEqualTo(2048);
    }

    @Test
    void refusesAFileThatIsNoPrivateKey() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-key.pem"), "hello");

        assertThatThrownBy(() -> SigningKeyFile.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PKCS#8");
    }
}
