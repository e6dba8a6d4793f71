package kz.qorgau.notification.contacts;

import kz.qorgau.notification.platform.PublicPages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The verification page is public (docs/adr/0030): a victim's contact follows the link from an SMS or an e-mail
 * without any account; the signed, expiring token in the path and the one-time code are the capability. No
 * session, no cookie, so no CSRF to defend against.
 */
@Configuration(proxyBeanMethods = false)
class ContactVerificationSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 3)
    SecurityFilterChain contactVerificationSecurityFilterChain(HttpSecurity http) throws Exception {
        return PublicPages.chain(http, VerificationLinks.PATH + "**");
    }
}
