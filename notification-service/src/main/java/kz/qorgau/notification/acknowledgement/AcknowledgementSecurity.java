package kz.qorgau.notification.acknowledgement;

import kz.qorgau.notification.platform.PublicPages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The acknowledgement page is this service's one unauthenticated path besides the kit's (docs/adr/0024): the
 * police follow a link from an e-mail or a dispatch system without a Qorgau token; the signed, single-use,
 * expiring token in the path is the capability. No session, no cookie, so no CSRF to defend against.
 */
@Configuration(proxyBeanMethods = false)
class AcknowledgementSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 2)
    SecurityFilterChain acknowledgementSecurityFilterChain(HttpSecurity http) throws Exception {
        return PublicPages.chain(http, SignedLinks.PATH + "*");
    }
}
