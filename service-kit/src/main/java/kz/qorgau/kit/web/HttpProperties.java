package kz.qorgau.kit.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code qorgau.http.*}: limits on what a request may bring (docs/adr/0015).
 *
 * @param maxRequestBody the largest request body read; a larger one is answered 413 before anything
 *     reads it, chunked or not
 */
@ConfigurationProperties("qorgau.http")
public record HttpProperties(@DefaultValue("64KB") DataSize maxRequestBody) {

    public HttpProperties {
        if (maxRequestBody.toBytes() < 1 || maxRequestBody.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("qorgau.http.max-request-body must be between 1 B and 2 GB");
        }
    }
}
