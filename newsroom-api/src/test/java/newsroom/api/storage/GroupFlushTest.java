package newsroom.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class GroupFlushTest {

    private final AtomicInteger flushesStarted = new AtomicInteger();
    private final AtomicInteger flushesFinished = new AtomicInteger();

    @Test
    void concurrentCallersShareFlushesAndNoneReturnsBeforeAFlushThatStartedAfterItsCall() throws Exception {
        GroupFlush group = new GroupFlush(() -> {
            flushesStarted.incrementAndGet();
            Thread.sleep(2); // a disk sync takes a while; callers pile up meanwhile
            flushesFinished.incrementAndGet();
        }, "test.mv");
        int threads = 16;
        int callsPerThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> callers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            callers.add(pool.submit(() -> {
                start.await();
                boolean alwaysCovered = true;
                for (int c = 0; c < callsPerThread; c++) {
                    int startedBeforeTheCall = flushesStarted.get();
                    group.awaitDurable();
                    // flushes run one after another: one that started after the call has finished
                    alwaysCovered &= flushesFinished.get() >= startedBeforeTheCall + 1;
                }
                return alwaysCovered;
            }));
        }
        start.countDown();
        for (Future<Boolean> caller : callers) {
            assertThat(caller.get(60, TimeUnit.SECONDS)).isTrue();
        }
        pool.shutdown();

        assertThat(flushesStarted.get()).isEqualTo(flushesFinished.get())
                .isLessThan(threads * callsPerThread / 2);
    }

    @Test
    void aFailedFlushFailsItsCallersAndEveryLaterOne() {
        AtomicInteger attempts = new AtomicInteger();
        GroupFlush group = new GroupFlush(() -> {
            attempts.incrementAndGet();
            throw new IOException("No space left on device");
        }, "/data/newsroom.mv");

        assertThatThrownBy(group::awaitDurable).isInstanceOf(StoreUnavailable.class)
                .hasMessageContaining("/data/newsroom.mv").hasMessageContaining("No space left on device");
        assertThatThrownBy(group::awaitDurable).isInstanceOf(StoreUnavailable.class);
        assertThat(attempts.get()).isEqualTo(1);
        assertThat(group.failure()).get().extracting(Throwable::getMessage).isEqualTo("No space left on device");
    }
}
