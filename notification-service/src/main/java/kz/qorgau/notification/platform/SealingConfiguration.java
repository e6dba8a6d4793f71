package kz.qorgau.notification.platform;

import kz.qorgau.events.sealed.SealedFieldCipher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cipher for sealed fields; a key ring that is empty, lacks its active key or holds a demo key stops start-up. */
@Configuration(proxyBeanMethods = false)
class SealingConfiguration {

    @Bean
    SealedFieldCipher sealedFieldCipher(SealingProperties sealing) {
        var ring = sealing.ring();
        return SealedFieldCipher.fromBase64Keys(ring.keys(), ring.activeKeyId());
    }
}
