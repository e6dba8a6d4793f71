package kz.qorgau.notification.police;

import java.util.List;
import kz.qorgau.notification.notice.Recipient;
import org.springframework.stereotype.Component;

/** The unit of the officer who issued the order, by its code ({@code qorgau.notification.police-units}). */
@Component
class IssuingUnits extends PoliceAddresses {

    static final String ROLE = "ISSUING_UNIT";

    IssuingUnits(PoliceAddressesProperties properties) {
        super(ROLE, "police-units", properties.policeUnits());
    }

    @Override
    public List<Recipient> recipients(String district, String policeUnit) {
        return at(policeUnit);
    }
}
