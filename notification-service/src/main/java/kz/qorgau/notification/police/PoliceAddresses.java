package kz.qorgau.notification.police;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.qorgau.events.NotificationChannel;
import kz.qorgau.notification.notice.EmailAddresses;
import kz.qorgau.notification.notice.Recipient;
import kz.qorgau.notification.notice.RecipientKind;

/**
 * A recipient kind reached by e-mail at addresses configured per code (a police unit's, a district's). An
 * address that does not parse stops the start instead of losing a notice later.
 */
abstract class PoliceAddresses implements RecipientKind {

    private final String role;
    private final Map<String, List<String>> byCode = new LinkedHashMap<>();

    PoliceAddresses(String role, String property, Map<String, List<String>> configured) {
        this.role = role;
        configured.forEach((code, addresses) -> byCode.put(
                normalise(code),
                EmailAddresses.checked("qorgau.notification." + property + ".[" + code + "]", addresses)));
    }

    @Override
    public String role() {
        return role;
    }

    List<Recipient> at(String code) {
        return code == null
                ? List.of()
                : byCode.getOrDefault(normalise(code), List.of()).stream()
                        .map(address -> new Recipient(role, NotificationChannel.EMAIL, address))
                        .toList();
    }

    private static String normalise(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }
}
