package kz.qorgau.order.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The access limits have defaults that work without any configuration, and take what is configured. */
class AccessPropertiesTest {

    @Test
    void defaultsWithoutAnyConfiguration() {
        AccessProperties properties =
                Binder.get(new StandardEnvironment()).bindOrCreate("qorgau.access", AccessProperties.class);

        assertThat(properties.writeLimit()).isEqualTo(new AccessProperties.Rate(30, Duration.ofMinutes(1)));
        assertThat(properties.personCheckWatch()).isEqualTo(new AccessProperties.Rate(200, Duration.ofHours(1)));
        assertThat(properties.breakGlass().duration()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void takesWhatIsConfigured() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "qorgau.access.write-limit.capacity", "5",
                "qorgau.access.person-check-watch.capacity", "50",
                "qorgau.access.person-check-watch.period", "10m")));

        AccessProperties properties = binder.bindOrCreate("qorgau.access", AccessProperties.class);

        assertThat(properties.writeLimit()).isEqualTo(new AccessProperties.Rate(5, Duration.ofMinutes(1)));
        assertThat(properties.personCheckWatch()).isEqualTo(new AccessProperties.Rate(50, Duration.ofMinutes(10)));
    }
}
