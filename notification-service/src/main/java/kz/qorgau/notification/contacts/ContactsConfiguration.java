package kz.qorgau.notification.contacts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The contacts' key ring, blind index key and links, checked at start-up (docs/adr/0030, 0014). */
@Configuration(proxyBeanMethods = false)
class ContactsConfiguration {

    @Bean
    ContactVault contactVault(ContactsProperties properties) {
        return ContactVault.of(properties);
    }

    @Bean
    VerificationLinks verificationLinks(ContactVault vault, ContactsProperties properties) {
        return new VerificationLinks(vault, properties);
    }

    @Bean
    ReplyLinks replyLinks(ContactVault vault, ContactsProperties properties) {
        return new ReplyLinks(vault, properties);
    }
}
