package kz.qorgau.identity.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;

/** Builds the issuer's RS256 signing key: generated, or read from a PKCS#8 PEM file. */
public final class SigningKeys {

    private static final int GENERATED_KEY_BITS = 2048;

    private SigningKeys() {}

    /** A fresh 2048-bit RSA key; its key id is its JWK thumbprint. */
    public static RSAKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(GENERATED_KEY_BITS);
            KeyPair pair = generator.generateKeyPair();
            return toJwk((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an RSA signing key", e);
        }
    }

    /**
     * Reads an RSA private key (PKCS#8 PEM, CRT form as produced by {@code openssl genpkey}) and derives
     * its public key; the key id is the JWK thumbprint, so it is stable across restarts.
     */
    public static RSAKey load(Resource pem) {
        RSAPrivateKey privateKey;
        try (InputStream in = pem.getInputStream()) {
            privateKey = RsaKeyConverters.pkcs8().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the signing key " + pem.getDescription(), e);
        }
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("The signing key must be an RSA private key in CRT form (PKCS#8)");
        }
        try {
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return toJwk(publicKey, privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot derive the public key of the signing key", e);
        }
    }

    private static RSAKey toJwk(RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        RSAKey withoutId = new RSAKey.Builder(publicKey)
                .privateKey(privateKey)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
        try {
            return new RSAKey.Builder(withoutId)
                    .keyID(withoutId.computeThumbprint().toString())
                    .build();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot compute the signing key's thumbprint", e);
        }
    }
}
