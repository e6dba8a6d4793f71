package kz.qorgau.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The local issuer's RSA signing key (PKCS#8 PEM), made once and kept in the data folder. */
final class SigningKeyFile {

    private SigningKeyFile() {}

    /** Returns the key file, creating a new 2048-bit RSA key there if there is none yet. */
    static Path ensure(Path file) {
        if (Files.isRegularFile(file)) {
            return file.toAbsolutePath();
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(pkcs8)
                    + "\n-----END PRIVATE KEY-----\n";
            Files.createDirectories(file.getParent());
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return file.toAbsolutePath();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no RSA key generator", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the issuer's signing key to " + file, e);
        }
    }
}
