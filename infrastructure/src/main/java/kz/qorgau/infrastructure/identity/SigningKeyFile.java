package kz.qorgau.infrastructure.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The local issuer's RSA signing key (PKCS#8 PEM), made once and then kept: the launcher keeps it in its
 * data folder so tokens survive a restart; test-support writes one per test JVM so that it can also sign
 * tokens with the issuer's own key.
 */
public final class SigningKeyFile {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private SigningKeyFile() {}

    /** Returns the key file, creating a new 2048-bit RSA key there if there is none yet. */
    public static Path ensure(Path file) {
        Path absolute = file.toAbsolutePath();
        if (Files.isRegularFile(absolute)) {
            return absolute;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
            String pem = BEGIN + "\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(pkcs8)
                    + "\n" + END + "\n";
            Files.createDirectories(absolute.getParent());
            Files.writeString(absolute, pem, StandardCharsets.US_ASCII);
            if (Files.getFileStore(absolute).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(absolute, PosixFilePermissions.fromString("rw-------"));
            }
            return absolute;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no RSA key generator", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the issuer's signing key to " + file, e);
        }
    }

    /** Reads a key file as {@link #ensure} writes it: the private key and the public key derived from it. */
    public static KeyPair read(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the issuer's signing key " + file, e);
        }
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("Not a PKCS#8 PEM private key: " + file);
        }
        byte[] pkcs8 = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (!(rsa.generatePrivate(new PKCS8EncodedKeySpec(pkcs8)) instanceof RSAPrivateCrtKey privateKey)) {
                throw new IllegalArgumentException("Not an RSA private key in CRT form: " + file);
            }
            return new KeyPair(
                    rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent())),
                    privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an RSA private key: " + file, e);
        }
    }
}
