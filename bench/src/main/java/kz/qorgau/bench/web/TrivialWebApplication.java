package kz.qorgau.bench.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The trivial endpoint order writes are compared with: the services' web stack (Tomcat, Spring MVC,
 * Jackson) reading an order-sized JSON body and answering 201 with a small JSON document, and nothing
 * else: no security, no database, no Kafka. Run as its own JVM, with the local stack's JVM options, by
 * the order-writes part; the port comes from {@code --server.port}.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({
    TomcatServletWebServerAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    WebMvcAutoConfiguration.class,
    HttpMessageConvertersAutoConfiguration.class,
    JacksonAutoConfiguration.class
})
public class TrivialWebApplication {

    /** The path the load posts to. */
    public static final String PATH = "/trivial";

    public static void main(String[] args) {
        new SpringApplicationBuilder(TrivialWebApplication.class, Endpoint.class).run(args);
    }

    /** An order request's shape, read as loosely as JSON allows. */
    record Request(
            Map<String, Object> offender,
            Map<String, Object> victim,
            List<String> prohibitions,
            String policeUnit,
            String district) {}

    record Answer(UUID id, String status, String district) {}

    @RestController
    static class Endpoint {

        /** What the bench waits for before loading it, in actuator's words. */
        @GetMapping("/health")
        Map<String, String> health() {
            return Map.of("status", "UP");
        }

        @PostMapping(PATH)
        @ResponseStatus(HttpStatus.CREATED)
        Answer post(@RequestBody Request request) {
            return new Answer(UUID.randomUUID(), "ISSUED", request.district());
        }
    }
}
