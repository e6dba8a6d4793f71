package kz.qorgau.kit.parking;

/** A replay met an outage (the database, Kafka, a gateway): nothing more was done; try again later. */
public class ParkingUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ParkingUnavailableException(Throwable cause) {
        super("a dependency is unavailable: " + cause.getClass().getSimpleName(), cause);
    }
}
