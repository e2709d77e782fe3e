package newsroom.api.people;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Lets an account command wait until the {@code users} read model shows its change, without polling: the
 * projection calls {@link #saved()} after each write, and a waiter checks again then. A waiter also checks every
 * {@value #RECHECK_MILLIS} ms, in case the projection runs on another server.
 */
@Component
class AccountChanges {

    private static final long RECHECK_MILLIS = 100;

    private final ApplicationEventPublisher events;
    private final Object monitor = new Object();
    /** Counts the saves, so a save between a waiter's check and its wait is not missed. */
    private long saves;

    AccountChanges(ApplicationEventPublisher events) {
        this.events = events;
    }

    void saved() {
        synchronized (monitor) {
            saves++;
            monitor.notifyAll();
        }
        events.publishEvent(new AccessMayHaveChanged());
    }

    /** True once the condition holds; false if it still does not after the timeout (or on interrupt). */
    boolean await(BooleanSupplier shown, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen;
            synchronized (monitor) {
                seen = saves;
            }
            if (shown.getAsBoolean()) {
                return true;
            }
            long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (leftMillis <= 0) {
                return false;
            }
            synchronized (monitor) {
                if (saves == seen) {
                    try {
                        monitor.wait(Math.min(leftMillis, RECHECK_MILLIS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
            }
        }
    }
}
