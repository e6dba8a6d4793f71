package kz.qorgau.notification.replies;

import kz.qorgau.notification.contacts.ReplyLinks;
import kz.qorgau.notification.platform.PublicPages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Victims' answers arrive on two public paths (docs/adr/0036): the SAFE/HELP page of a notice's link (its signed,
 * expiring token is the capability) and the SMS gateway's inbound webhook (each message signed with the shared
 * secret, inside a timestamp window, never twice). Neither has a Qorgau token to give; no session, no cookie, so
 * no CSRF to defend against.
 */
@Configuration(proxyBeanMethods = false)
class ReplySecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 4)
    SecurityFilterChain replyPageSecurityFilterChain(HttpSecurity http) throws Exception {
        return PublicPages.chain(http, ReplyLinks.PATH + "**");
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 5)
    SecurityFilterChain inboundSmsSecurityFilterChain(HttpSecurity http) throws Exception {
        return PublicPages.chain(http, InboundSmsWebhook.PATH);
    }
}
