package kz.qorgau.notification.victims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import kz.qorgau.events.NotificationChannel;
import kz.qorgau.events.RiskLevel;
import kz.qorgau.notification.contacts.ContactDirectory;
import kz.qorgau.notification.notice.NoticeDraft;
import kz.qorgau.notification.notice.Urgency;
import org.junit.jupiter.api.Test;

/** Quiet hours on a clock the test moves, in Asia/Almaty. */
class QuietHoursTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final LocalTime NIGHT = LocalTime.of(22, 0);
    private static final LocalTime MORNING = LocalTime.of(7, 0);

    @Test
    void overnightQuietHoursHoldUntilTheMorning() {
        assertThat(QuietHours.end(at(23, 30), NIGHT, MORNING, ALMATY)).contains(nextDay(at(7, 0)));
        assertThat(QuietHours.end(at(3, 0), NIGHT, MORNING, ALMATY)).contains(at(7, 0));
        assertThat(QuietHours.end(at(22, 0), NIGHT, MORNING, ALMATY)).contains(nextDay(at(7, 0)));
        assertThat(QuietHours.end(at(7, 0), NIGHT, MORNING, ALMATY)).isEmpty();
        assertThat(QuietHours.end(at(12, 0), NIGHT, MORNING, ALMATY)).isEmpty();
        assertThat(QuietHours.end(at(21, 59), NIGHT, MORNING, ALMATY)).isEmpty();
    }

    @Test
    void daytimeQuietHoursAndNoneAtAll() {
        LocalTime from = LocalTime.of(9, 0);
        LocalTime until = LocalTime.of(18, 0);
        assertThat(QuietHours.end(at(10, 0), from, until, ALMATY)).contains(at(18, 0));
        assertThat(QuietHours.end(at(8, 59), from, until, ALMATY)).isEmpty();
        assertThat(QuietHours.end(at(18, 0), from, until, ALMATY)).isEmpty();
        assertThat(QuietHours.end(at(3, 0), null, null, ALMATY)).isEmpty();
        assertThat(QuietHours.end(at(3, 0), NIGHT, NIGHT, ALMATY)).isEmpty();
    }

    @Test
    void aRoutineNoticeWaitsForTheMorningAndAnUrgentOneNever() {
        Instant night = at(23, 15);
        VictimNotices notices =
                new VictimNotices(null, null, VictimTemplatesTest.properties(null), null, Clock.fixed(night, ALMATY));
        ContactDirectory.Reachable contact = contact();

        NoticeDraft served = notices.draft(VictimNotice.SERVED, contact, night, null);
        NoticeDraft released = notices.draft(VictimNotice.RELEASED, contact, night, null);
        NoticeDraft violation = notices.draft(VictimNotice.VIOLATION, contact, night, null);

        assertThat(served.urgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(served.notBefore()).isEqualTo(nextDay(at(7, 0)));
        assertThat(released.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(released.notBefore()).isNull();
        assertThat(violation.notBefore()).isNull();
        // In the day the routine one goes at once.
        Instant noon = at(12, 0);
        assertThat(notices.draft(VictimNotice.SERVED, contact, noon, null).notBefore())
                .isEqualTo(noon);
    }

    @Test
    void atHighOrExtremeRiskTheNoticesThatMatterTonightGoInQuietHoursAndTheRemindersStillWait() {
        Instant night = at(23, 15);
        VictimNotices notices =
                new VictimNotices(null, null, VictimTemplatesTest.properties(null), null, Clock.fixed(night, ALMATY));
        ContactDirectory.Reachable contact = contact();

        for (RiskLevel level : List.of(RiskLevel.HIGH, RiskLevel.EXTREME)) {
            NoticeDraft served = notices.draft(VictimNotice.SERVED, contact, night, level);
            assertThat(served.urgency()).as("%s", level).isEqualTo(Urgency.URGENT);
            assertThat(served.notBefore()).as("%s", level).isNull();
            NoticeDraft reminder = notices.draft(VictimNotice.EXPIRY_APPROACHING, contact, night, level);
            assertThat(reminder.urgency()).as("%s", level).isEqualTo(Urgency.ROUTINE);
            assertThat(reminder.notBefore()).as("%s", level).isEqualTo(nextDay(at(7, 0)));
        }
        for (RiskLevel level : List.of(RiskLevel.LOW, RiskLevel.MEDIUM)) {
            assertThat(notices.draft(VictimNotice.SERVED, contact, night, level).notBefore())
                    .as("%s", level)
                    .isEqualTo(nextDay(at(7, 0)));
        }
    }

    /** A contact whose quiet hours are the night. */
    private static ContactDirectory.Reachable contact() {
        return new ContactDirectory.Reachable(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "ALM-BOSTANDYK",
                "ҚН-1",
                "UP-1",
                NotificationChannel.SMS,
                "ru",
                NIGHT,
                MORNING);
    }

    private static Instant at(int hour, int minute) {
        return ZonedDateTime.of(2026, 11, 30, hour, minute, 0, 0, ALMATY).toInstant();
    }

    private static Instant nextDay(Instant instant) {
        return instant.atZone(ALMATY).plusDays(1).toInstant();
    }
}
