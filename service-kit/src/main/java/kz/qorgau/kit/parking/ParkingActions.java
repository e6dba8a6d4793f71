package kz.qorgau.kit.parking;

/**
 * Publishes an operator's action on the parking as an event of the contract, for the audit trail. It is
 * called inside the database transaction that makes the action's change, so it must write the event
 * durably in that transaction (an outbox row), never send it to Kafka itself. A service that enables
 * the parking must declare one.
 */
@FunctionalInterface
public interface ParkingActions {

    void recorded(ParkingAction action);
}
