package kz.qorgau.audit.checkpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import kz.qorgau.audit.platform.AuditProperties;
import kz.qorgau.auditlog.NoteSigner;
import kz.qorgau.events.sealed.LocalDemoKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key that signs checkpoints: configured, never in the database (docs/adr/0023). Like every key of
 * Qorgau (docs/adr/0014), the public demo key signs only where demo keys are allowed and no key is
 * configured; elsewhere the service refuses to start without a key of its own, or with the demo key.
 */
@Configuration(proxyBeanMethods = false)
class CheckpointKey {

    static final String KEY_VARIABLE = "QORGAU_AUDIT_CHECKPOINT_SIGNING_KEY";
    static final String KEY_FILE_VARIABLE = "QORGAU_AUDIT_CHECKPOINT_SIGNING_KEY_FILE";

    private static final Logger log = LoggerFactory.getLogger(CheckpointKey.class);

    @Bean
    NoteSigner checkpointSigner(AuditProperties properties) {
        return signer(properties.checkpoint());
    }

    static NoteSigner signer(AuditProperties.Checkpoints settings) {
        String secret = settings.signingKey();
        if (!settings.signingKeyFile().isBlank()) {
            try {
                secret = Files.readString(Path.of(settings.signingKeyFile()), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new IllegalStateException("Could not read the checkpoint signing key file named by "
                        + KEY_FILE_VARIABLE + " (qorgau.audit.checkpoint.signing-key-file)");
            }
        }
        NoteSigner demo = NoteSigner.of(settings.origin(), Base64.getDecoder().decode(LocalDemoKeys.CHECKPOINT_SEED));
        if (secret.isBlank()) {
            if (!settings.allowLocalDemoKeys()) {
                throw new IllegalStateException("No checkpoint signing key: set " + KEY_VARIABLE + " (or "
                        + KEY_FILE_VARIABLE + ") to an Ed25519 note key, PRIVATE+KEY+<name>+<key id>+<key>."
                        + " Public demo keys are off unless " + LocalDemoKeys.SWITCH
                        + "=true (local stack and tests only)");
            }
            log.warn(
                    "Checkpoints are signed with the public local demo key {}: they prove nothing", demo.verifierKey());
            return demo;
        }
        NoteSigner signer;
        try {
            signer = NoteSigner.parse(secret);
        } catch (IllegalArgumentException e) {
            // The parser's messages never hold key material.
            throw new IllegalStateException("The checkpoint signing key (" + KEY_VARIABLE + "): " + e.getMessage());
        }
        if (!settings.allowLocalDemoKeys() && MessageDigest.isEqual(signer.publicKey(), demo.publicKey())) {
            throw new IllegalStateException("The checkpoint signing key is the public local demo key, while demo keys"
                    + " are not allowed (" + LocalDemoKeys.SWITCH + " is not true): set " + KEY_VARIABLE
                    + " to a key of your own");
        }
        log.info("Checkpoints are signed by {}", signer.verifierKey());
        return signer;
    }
}
