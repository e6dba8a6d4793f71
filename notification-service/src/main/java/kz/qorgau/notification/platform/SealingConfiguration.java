package kz.qorgau.notification.platform;

import kz.qorgau.events.sealed.SealedFieldCipher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cipher for sealed fields; a key ring that is empty or lacks its active key stops start-up. */
@Configuration(proxyBeanMethods = false)
class SealingConfiguration {

    @Bean
    SealedFieldCipher sealedFieldCipher(SealingProperties sealing) {
        return SealedFieldCipher.fromBase64Keys(sealing.ring(), sealing.activeKeyId());
    }
}
