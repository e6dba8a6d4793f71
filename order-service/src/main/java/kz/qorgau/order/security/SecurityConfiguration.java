package kz.qorgau.order.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * order-service's own rules on top of the kit's security wiring (docs/adr/0017): the kit checks every
 * request's bearer token, makes its member of staff the principal and answers refusals; the roles of each
 * operation are its {@code @Secured}, the district rule is {@link OrderAccess}, and the write limit
 * follows {@code @Secured} ({@code kz.qorgau.order.writelimit}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(securedEnabled = true, prePostEnabled = false)
class SecurityConfiguration {}
