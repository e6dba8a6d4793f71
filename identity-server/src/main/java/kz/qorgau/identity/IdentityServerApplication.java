package kz.qorgau.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The local-only token issuer: a Spring Authorization Server whose clients are the demo personas.
 * Production does not run it; services trust any OIDC provider by configuration.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityServerApplication.class, args);
    }
}
