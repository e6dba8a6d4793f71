package kz.qorgau.identity.persona;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The personas as users of the login page: the username is the persona's client id, the password its
 * LOCAL-ONLY demo password (as the Keycloak realm's users), kept only as a bcrypt hash.
 */
@Configuration(proxyBeanMethods = false)
class PersonaUsers {

    @Bean
    UserDetailsService userDetailsService(PersonaProperties properties, PasswordEncoder encoder) {
        return new InMemoryUserDetailsManager(properties.personas().stream()
                .map(persona -> User.withUsername(persona.clientId())
                        .password(encoder.encode(persona.password()))
                        .roles(persona.roles().toArray(String[]::new))
                        .build())
                .toList());
    }
}
