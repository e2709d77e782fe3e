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

    /** Numbers the flushes by the start of their write; the highest whose sync has finished. */
    private final AtomicInteger writesStarted = new AtomicInteger();
    private final AtomicInteger highestSynced = new AtomicInteger();
    private final AtomicInteger syncsRunning = new AtomicInteger();
    private final AtomicInteger mostSyncsAtOnce = new AtomicInteger();
    private final AtomicInteger writesRunning = new AtomicInteger();
    private final AtomicInteger mostWritesAtOnce = new AtomicInteger();

    /** A store file whose sync takes a while, as a disk's does; it records what ran when. */
    private final ThreadLocal<Integer> writtenByThisThread = new ThreadLocal<>();
    private final GroupFlush.StoreFile slowDisk = new GroupFlush.StoreFile() {
        @Override
        public void write() throws InterruptedException {
            mostWritesAtOnce.accumulateAndGet(writesRunning.incrementAndGet(), Math::max);
            writtenByThisThread.set(writesStarted.incrementAndGet());
            Thread.sleep(1); // writing the changed pages takes a while too; callers arriving meanwhile share the next
            writesRunning.decrementAndGet();
        }

        @Override
        public void sync() throws InterruptedException {
            mostSyncsAtOnce.accumulateAndGet(syncsRunning.incrementAndGet(), Math::max);
            Thread.sleep(5);
            syncsRunning.decrementAndGet();
            highestSynced.accumulateAndGet(writtenByThisThread.get(), Math::max);
        }
    };

    @Test
    void concurrentCallersShareFlushesAndNoneReturnsBeforeAFlushThatStartedAfterItsCall() throws Exception {
        GroupFlush group = new GroupFlush(slowDisk, "test.mv");
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
                    int writtenBeforeTheCall = writesStarted.get();
                    group.awaitDurable();
                    // the sync of a flush whose write started after the call has finished
                    alwaysCovered &= highestSynced.get() > writtenBeforeTheCall;
                }
                return alwaysCovered;
            }));
        }
        start.countDown();
        for (Future<Boolean> caller : callers) {
            assertThat(caller.get(60, TimeUnit.SECONDS)).isTrue();
        }
        pool.shutdown();

        assertThat(writesStarted.get()).isLessThan(threads * callsPerThread / 2);
        assertThat(mostWritesAtOnce.get()).as("writes one at a time").isEqualTo(1);
        // callers that arrive during a sync write and sync the next flush without waiting for it
        assertThat(mostSyncsAtOnce.get()).as("syncs overlap").isGreaterThan(1);
    }

    @Test
    void aFailedFlushFailsItsCallersAndEveryLaterOne() {
        AtomicInteger attempts = new AtomicInteger();
        GroupFlush group = new GroupFlush(new GroupFlush.StoreFile() {
            @Override
            public void write() {
            }

            @Override
            public void sync() throws IOException {
                attempts.incrementAndGet();
                throw new IOException("No space left on device");
            }
        }, "/data/newsroom.mv");

        assertThatThrownBy(group::awaitDurable).isInstanceOf(StoreUnavailable.class)
                .hasMessageContaining("/data/newsroom.mv").hasMessageContaining("No space left on device");
        assertThatThrownBy(group::awaitDurable).isInstanceOf(StoreUnavailable.class);
        assertThat(attempts.get()).isEqualTo(1);
        assertThat(group.failure()).get().extracting(Throwable::getMessage).isEqualTo("No space left on device");
    }
}
