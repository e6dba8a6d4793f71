package kz.qorgau.audit.access;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * audit-service's own rules on top of the kit's security wiring (docs/adr/0017): the kit checks every
 * request's bearer token (the OpenAPI document included), makes its member of staff the principal and
 * answers refusals; the roles of each operation are its {@code @Secured}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(securedEnabled = true, prePostEnabled = false)
class SecurityConfiguration {}
