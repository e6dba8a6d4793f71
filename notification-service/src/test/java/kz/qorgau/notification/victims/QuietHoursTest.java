package kz.qorgau.notification.victims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import kz.qorgau.events.NotificationChannel;
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
                new VictimNotices(null, null, VictimTemplatesTest.properties(null), Clock.fixed(night, ALMATY));
        ContactDirectory.Reachable contact = new ContactDirectory.Reachable(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "ALM-BOSTANDYK",
                "ҚН-1",
                "UP-1",
                NotificationChannel.SMS,
                "ru",
                NIGHT,
                MORNING);

        NoticeDraft served = notices.draft(VictimNotice.SERVED, contact, night);
        NoticeDraft released = notices.draft(VictimNotice.RELEASED, contact, night);
        NoticeDraft violation = notices.draft(VictimNotice.VIOLATION, contact, night);

        assertThat(served.urgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(served.notBefore()).isEqualTo(nextDay(at(7, 0)));
        assertThat(released.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(released.notBefore()).isNull();
        assertThat(violation.notBefore()).isNull();
        // In the day the routine one goes at once.
        Instant noon = at(12, 0);
        assertThat(notices.draft(VictimNotice.SERVED, contact, noon).notBefore())
                .isEqualTo(noon);
    }

    private static Instant at(int hour, int minute) {
        return ZonedDateTime.of(2026, 11, 30, hour, minute, 0, 0, ALMATY).toInstant();
    }

    private static Instant nextDay(Instant instant) {
        return instant.atZone(ALMATY).plusDays(1).toInstant();
    }
}
