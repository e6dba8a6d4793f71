package kz.qorgau.notification.parking;

import java.util.UUID;
import kz.qorgau.events.ParkingActionTaken;
import kz.qorgau.kit.kafka.QorgauKafkaProperties;
import kz.qorgau.kit.parking.ParkingAction;
import kz.qorgau.kit.parking.ParkingActions;
import kz.qorgau.notification.outcome.OutcomeOutbox;
import kz.qorgau.notification.outcome.OutcomePublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An operator's parking action becomes a {@link ParkingActionTaken} row in the service's outbox
 * (outcome_event, in the action's own transaction), published after the commit like a notice's outcome;
 * a row the publication misses is sent by the outbox's relay. The order's key is the event's subject.
 */
@Component
class ParkingActionOutbox implements ParkingActions {

    private static final Logger log = LoggerFactory.getLogger(ParkingActionOutbox.class);

    private final OutcomeOutbox outbox;
    private final OutcomePublisher publisher;
    private final QorgauKafkaProperties kafka;

    ParkingActionOutbox(OutcomeOutbox outbox, OutcomePublisher publisher, QorgauKafkaProperties kafka) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.kafka = kafka;
    }

    @Override
    public void recorded(ParkingAction action) {
        String operator = action.operator().length() > 255 ? action.operator().substring(0, 255) : action.operator();
        UUID id = outbox.record(
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
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    publisher.publishPending(action.key());
                } catch (RuntimeException e) {
                    // The relay publishes the row later; the action itself is committed.
                    log.warn(
                            "Parking action {} not published yet: {}",
                            id,
                            e.getClass().getSimpleName());
                }
            }
        });
    }
}
