package kz.qorgau.order.issue;

import java.time.ZoneId;
import kz.qorgau.events.LegalBasis;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code qorgau.orders.*}: facts of the law that change without a code change.
 *
 * @param legalBasis the provision new orders are issued under; recorded on each order and its event
 * @param zone the time zone whose calendar year goes into order numbers
 */
@ConfigurationProperties("qorgau.orders")
public record IssuingProperties(LegalBasisSettings legalBasis, @DefaultValue("Asia/Almaty") ZoneId zone) {

    public IssuingProperties {
        if (legalBasis == null) {
            throw new IllegalArgumentException("qorgau.orders.legal-basis (law, article, version) is required");
        }
    }

    /**
     * @param law code of the law, e.g. {@code KZ-245-VIII}
     * @param article the article within the law
     * @param version the edition in force, e.g. the date it entered into force
     */
    public record LegalBasisSettings(String law, String article, String version) {

        /** Validated by the contract's record, so a bad setting fails the start, not an order. */
        public LegalBasis toLegalBasis() {
            return new LegalBasis(law, article, version);
        }
    }
}
