package kz.qorgau.audit.entry;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The size of the trail, read from the table at each scrape, so every instance reports the truth. */
@Component
class AuditLogMetrics implements MeterBinder {

    private final JdbcClient jdbc;

    AuditLogMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("audit.log.size", this, AuditLogMetrics::size)
                .description("Entries in the audit trail (the sequence number of the last one)")
                .register(registry);
    }

    private double size() {
        try {
            return AuditLog.head(jdbc).size();
        } catch (DataAccessException e) {
            return Double.NaN;
        }
    }
}
