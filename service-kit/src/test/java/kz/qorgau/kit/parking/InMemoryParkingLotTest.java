package kz.qorgau.kit.parking;

/** The parking's fake keeps the same contract as the service's table, so its fast tests mean something. */
class InMemoryParkingLotTest extends ParkingContract {

    private final InMemoryParkingLot lot = new InMemoryParkingLot();

    @Override
    protected ParkingLot parkingLot() {
        return lot;
    }

    @Override
    protected void inTransaction(Runnable work) {
        work.run();
    }
}
