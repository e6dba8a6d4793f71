package kz.qorgau.order.atrest;

import kz.qorgau.order.platform.idempotency.RequestFingerprint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The at-rest key ring and blind index key, checked at start-up rather than at the first order, and the
 * keys derived from the blind index key.
 */
@Configuration(proxyBeanMethods = false)
class AtRestConfiguration {

    @Bean
    PersonalDataVault personalDataVault(AtRestProperties properties) {
        return PersonalDataVault.of(properties);
    }

    /** Idempotency fingerprints under a key derived from the blind index key: no secret of its own. */
    @Bean
    RequestFingerprint requestFingerprint(PersonalDataVault vault) {
        return new RequestFingerprint(vault.derivedKey(RequestFingerprint.KEY_LABEL));
    }
}
