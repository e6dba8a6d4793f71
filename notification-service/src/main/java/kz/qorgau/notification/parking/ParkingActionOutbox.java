package kz.qorgau.notification.parking;

import kz.qorgau.events.ParkingActionTaken;
import kz.qorgau.kit.kafka.QorgauKafkaProperties;
import kz.qorgau.kit.parking.ParkingAction;
import kz.qorgau.kit.parking.ParkingActions;
import kz.qorgau.notification.outcome.OutcomeOutbox;
import org.springframework.stereotype.Component;

/**
 * An operator's parking action becomes a {@link ParkingActionTaken} event in the kit's outbox, in the
 * action's own transaction, numbered in the order's own sequence like a notice's outcome; the kit's relay
 * publishes it after the commit (docs/adr/0018, 0019). The order's key is the event's subject.
 */
@Component
class ParkingActionOutbox implements ParkingActions {

    private final OutcomeOutbox outbox;
    private final QorgauKafkaProperties kafka;

    ParkingActionOutbox(OutcomeOutbox outbox, QorgauKafkaProperties kafka) {
        this.outbox = outbox;
        this.kafka = kafka;
    }

    @Override
    public void recorded(ParkingAction action) {
        String operator = action.operator().length() > 255 ? action.operator().substring(0, 255) : action.operator();
        outbox.record(
                new ParkingActionTaken(
                        action.key(),
                        ParkingActionTaken.Action.valueOf(action.kind().name()),
                        operator,
                        action.at(),
                        kafka.catalogueName(action.head().topic()),
                        action.head().partition(),
                        action.head().offset(),
                        ParkingActionTaken.Outcome.valueOf(action.outcome().name()),
                        action.replayed(),
                        action.reason(),
                        action.neverDone().size(),
                        action.remaining()),
                null,
                null,
                null);
    }
}
