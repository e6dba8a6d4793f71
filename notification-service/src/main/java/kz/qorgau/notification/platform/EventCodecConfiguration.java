package kz.qorgau.notification.platform;

import kz.qorgau.events.envelope.EventCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The contract's codec (thread-safe), shared by the listener and the outcome publisher. */
@Configuration(proxyBeanMethods = false)
class EventCodecConfiguration {

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }
}
