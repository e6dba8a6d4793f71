package kz.qorgau.notification.victims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.events.NotificationChannel;
import kz.qorgau.notification.contacts.ContactDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class VictimTemplatesTest {

    private static final String ADDRESS = "Алматы қ., Абай даңғылы 150, пәтер 12";
    private static final String PHONE = "+77051234567";
    private static final String EMAIL = "victim@mail.example.kz";

    private final VictimTemplates templates = new VictimTemplates();

    @ParameterizedTest
    @EnumSource(VictimNotice.class)
    void everyNoticeRendersInAllThreeLanguagesWithTheOrderAndTheNumberToCall(VictimNotice notice) {
        for (String language : List.of("kk", "ru", "en")) {
            VictimTemplates.Rendered text = templates.render(notice, language, model());
            assertThat(text.subject()).contains("ҚН-2026-000123");
            assertThat(text.body()).as(notice + " " + language).contains("102").doesNotContain("{{");
            if (notice != VictimNotice.HELP_REPLY) {
                assertThat(text.body()).contains("ҚН-2026-000123", "https://r.example.kz/r/x");
            }
        }
    }

    @Test
    void kazakhLettersStayIntact() {
        VictimTemplates.Rendered served = templates.render(VictimNotice.SERVED, "kk", model());

        assertThat(served.body())
                .isEqualTo("Қорғау нұсқамасы № ҚН-2026-000123 құқық бұзушыға тапсырылды, енді күшіне енді."
                        + " Қауіп төнсе: 102. Жауап беріңіз: ҚАУІПСІЗ немесе КӨМЕК, не https://r.example.kz/r/x");
        assertThat(served.subject()).isEqualTo("Қорғау нұсқамасы № ҚН-2026-000123");
        assertThat(templates.render(VictimNotice.RELEASED, "kk", model()).body())
                .contains("босатылды", "Сақ болыңыз");
    }

    @ParameterizedTest
    @ValueSource(strings = {"REVOKED", "EXPIRED"})
    void endingNoticesSayWhereHelpIs(VictimNotice notice) {
        Map<String, Object> regional = model();
        regional.put("helpLine", "111");
        assertThat(templates.render(notice, "ru", regional).body())
                .contains("Помощь: 102, Центр поддержки семьи 8 727 000 00 00, 111.");
        assertThat(templates.render(notice, "en", model()).body())
                .as("the centre reached through the help line: its number once")
                .contains("Help: 102, Центр поддержки семьи 8 727 000 00 00.");
        assertThat(templates.render(VictimNotice.SERVED, "en", regional).body()).doesNotContain("111");
    }

    @Test
    void theFamilySupportCentreIsReachedThroughTheNational111ByDefaultMarkedSecondary() {
        VictimNoticeProperties defaults = properties(null);
        assertThat(defaults.helpLine()).isEqualTo(new VictimNoticeProperties.HelpLine("111", "SECONDARY"));
        assertThat(defaults.familySupportCentreNumber()).isEqualTo("111");
        assertThat(defaults.helpLineBesidesCentre()).isEmpty();
        VictimNotices notices = new VictimNotices(null, null, defaults, null, java.time.Clock.systemUTC());
        Map<String, Object> model = notices.model(contact("en"), true);
        model.put("replyLink", "https://r.example.kz/r/x");
        assertThat(templates.render(VictimNotice.EXPIRED, "en", model).body())
                .contains("Help: 102, the Family Support Centre 111.")
                .doesNotContain("111, 111");

        VictimNoticeProperties regional = properties("8 727 000 00 00");
        assertThat(regional.familySupportCentreNumber()).isEqualTo("8 727 000 00 00");
        assertThat(regional.helpLineBesidesCentre()).contains("111");
        assertThat(templates
                        .render(
                                VictimNotice.REVOKED,
                                "kk",
                                new VictimNotices(null, null, regional, null, java.time.Clock.systemUTC())
                                        .model(contact("kk"), false))
                        .body())
                .contains("Көмек: 102, Отбасын қолдау орталығы 8 727 000 00 00, 111.");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new VictimNoticeProperties.HelpLine("111", "SURE"))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new VictimNoticeProperties.HelpLine("call us", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(VictimNotice.class)
    void byEmailEveryNoticeSaysNotToReplyAndToUseTheLinkInEachLanguageAndBySmsNone(VictimNotice notice) {
        assertThat(templates.render(notice, "en", model(), true).body())
                .contains("Do not reply to this e-mail: replies are not read.", "use the link", "call 102");
        assertThat(templates.render(notice, "ru", model(), true).body()).contains("Не отвечайте на это письмо");
        assertThat(templates.render(notice, "kk", model(), true).body()).contains("Бұл хатқа жауап бермеңіз");
        for (String language : List.of("kk", "ru", "en")) {
            assertThat(templates.render(notice, language, model()).body()).doesNotContain("e-mail", "письм", "хат");
        }
    }

    @ParameterizedTest
    @EnumSource(VictimNotice.class)
    void anAddressInTheModelNeverAppears(VictimNotice notice) {
        Map<String, Object> model = model();
        model.put("address", ADDRESS);
        model.put("victimAddress", ADDRESS);
        model.put("contactAddress", PHONE);
        model.put("email", EMAIL);
        model.put("to", PHONE);
        model.put("victim", Map.of("address", ADDRESS, "phone", PHONE));
        for (String language : List.of("kk", "ru", "en", "de")) {
            VictimTemplates.Rendered text = templates.render(notice, language, model);
            assertThat(text.subject() + text.body())
                    .doesNotContain(ADDRESS)
                    .doesNotContain("Абай")
                    .doesNotContain(PHONE)
                    .doesNotContain(EMAIL);
        }
    }

    @Test
    void theServicesModelHoldsOnlyWhatATemplateMayName() {
        VictimNotices notices =
                new VictimNotices(null, null, properties("8 727 000 00 00"), null, java.time.Clock.systemUTC());
        ContactDirectory.Reachable contact = contact("kk");

        assertThat(notices.model(contact, true).keySet()).isSubsetOf(VictimTemplates.KEYS);
        assertThat(notices.model(contact, true)).containsEntry("replyLink", VictimNotices.REPLY_LINK);
    }

    static VictimNoticeProperties properties(String centrePhone) {
        return new VictimNoticeProperties(
                null,
                null,
                null,
                java.time.ZoneId.of("Asia/Almaty"),
                "102",
                null,
                centrePhone,
                null,
                java.time.Duration.ZERO);
    }

    static ContactDirectory.Reachable contact(String language) {
        return new ContactDirectory.Reachable(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "ALM-BOSTANDYK",
                "ҚН-1",
                "UP-1",
                NotificationChannel.SMS,
                language,
                null,
                null);
    }

    private static Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        model.put("orderNumber", "ҚН-2026-000123");
        model.put("callNumber", "102");
        model.put("familySupportCentre", "Центр поддержки семьи");
        model.put("familySupportCentrePhone", "8 727 000 00 00");
        model.put("replyLink", "https://r.example.kz/r/x");
        return model;
    }
}
