package kz.qorgau.notification.police;

import java.util.List;
import kz.qorgau.notification.notice.Recipient;
import org.springframework.stereotype.Component;

/** The district inspector of the order's district ({@code qorgau.notification.district-inspectors}). */
@Component
class DistrictInspectors extends PoliceAddresses {

    static final String ROLE = "DISTRICT_INSPECTOR";

    DistrictInspectors(PoliceAddressesProperties properties) {
        super(ROLE, "district-inspectors", properties.districtInspectors());
    }

    @Override
    public List<Recipient> recipients(String district, String policeUnit) {
        return at(district);
    }
}
