package kz.qorgau.order.protectiveorder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The at-rest key ring and blind index key, checked at start-up rather than at the first order. */
@Configuration(proxyBeanMethods = false)
class AtRestConfiguration {

    @Bean
    PersonalDataVault personalDataVault(AtRestProperties properties) {
        return PersonalDataVault.of(properties);
    }
}
