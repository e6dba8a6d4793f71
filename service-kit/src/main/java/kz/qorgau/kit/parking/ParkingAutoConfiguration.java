package kz.qorgau.kit.parking;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import javax.sql.DataSource;
import kz.qorgau.kit.database.KitSchema;
import kz.qorgau.kit.kafka.KafkaKitAutoConfiguration;
import kz.qorgau.kit.kafka.QorgauKafkaProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sequenced parking (docs/adr/0019) for a service that acts on events and sets {@code
 * qorgau.parking.enabled=true}; such a service declares a {@link ParkedRecordHandler} and a {@link
 * ParkingActions}, and its listener hands each record to {@link SequencedParking#consume}. A service
 * that must never hold a record back (audit-service, docs/adr/0012) leaves it off.
 */
@AutoConfiguration(after = KafkaKitAutoConfiguration.class)
@ConditionalOnClass({KafkaTemplate.class, JdbcClient.class})
@ConditionalOnBooleanProperty("qorgau.parking.enabled")
public final class ParkingAutoConfiguration {

    /** The parking's tables, migrated from the kit's own location before the service's (docs/adr/0016). */
    @Bean
    KitSchema parkingSchema() {
        return new KitSchema("parking", "classpath:db/kit/parking", "kit_parking_history");
    }

    @Bean
    @ConditionalOnMissingBean
    ParkingLot parkingLot(DataSource dataSource, ObjectProvider<Clock> clock) {
        return new JdbcParkingLot(JdbcClient.create(dataSource), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    SequenceKeys sequenceKeys() {
        return SequenceKeys.recordKey();
    }

    @Bean
    @ConditionalOnMissingBean
    DiscardConsequences discardConsequences() {
        return DiscardConsequences.none();
    }

    @Bean
    SequencedParking sequencedParking(
            ParkingLot lot,
            ParkedRecordHandler handler,
            SequenceKeys sequenceKeys,
            ParkingActions actions,
            DiscardConsequences consequences,
            PlatformTransactionManager transactions,
            ObjectProvider<Clock> clock,
            ObjectProvider<MeterRegistry> meters,
            QorgauKafkaProperties kafka) {
        return new SequencedParking(
                lot,
                handler,
                sequenceKeys,
                actions,
                consequences,
                new TransactionTemplate(transactions),
                clock.getIfAvailable(Clock::systemUTC),
                meters.getIfAvailable(() -> Metrics.globalRegistry),
                kafka);
    }

    @Bean
    ParkingMetrics parkingMetrics(ParkingLot lot, ObjectProvider<Clock> clock) {
        return new ParkingMetrics(lot, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnAvailableEndpoint
    ParkingEndpoint parkingEndpoint(SequencedParking parking) {
        return new ParkingEndpoint(parking);
    }
}
