package kz.qorgau.infrastructure.kafka;

import java.util.concurrent.CountDownLatch;

/** A stand-in process for tests: says it is ready, then blocks until it is killed. */
public final class BlockForeverMain {

    public static final String READY = "ready";

    private BlockForeverMain() {}

    public static void main(String[] args) throws InterruptedException {
        System.out.println(READY);
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
