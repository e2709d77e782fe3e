package newsroom.api.projection;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits, bounded, until a read model shows a change. Projections run on their own threads, so a
 * caller that has just stored a command polls its read model briefly instead of answering stale.
 */
public final class ReadYourWrites {

    private static final long POLL_MILLIS = 5;

    private ReadYourWrites() {
    }

    /** True once the condition holds; false if it still does not after the timeout (or on interrupt). */
    public static boolean await(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
