package newsroom.api.projection;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Where read models announce what they have applied, and where callers wait for it.
 * <p>
 * A projection announces each batch of events once its documents are written and visible
 * ({@link #announce}). A caller that must read its own write (a command answering with the story as it
 * is afterwards) waits for the announcement of its aggregate's version instead of polling the read
 * model; listeners (the live publisher) react to announcements instead of waiting inside a processor.
 * <p>
 * Announcements are in-process. When the read model's processor runs on another server instance (one
 * tracking segment per processor, claimed by one node), nothing is announced here, so the wait falls
 * back to re-reading the read model every {@value #REMOTE_RECHECK_MILLIS} ms until its deadline.
 */
@Component
public class ReadModelProgress {

    /** Re-read interval while the processor runs elsewhere. */
    static final long REMOTE_RECHECK_MILLIS = 20;
    /** A safety net while it runs here: a segment may move to another node during a wait. */
    static final long LOCAL_RECHECK_MILLIS = 250;

    private final Predicate<String> runsHere;
    private final long localRecheckNanos;
    private final long remoteRecheckNanos;
    private final ConcurrentHashMap<String, Set<Waiter>> waiters = new ConcurrentHashMap<>();
    private final List<Consumer<List<AppliedEvent>>> listeners = new CopyOnWriteArrayList<>();
    /**
     * The last version announced per read model and aggregate, of the recent ones. A caller waiting for a newer
     * version than the last announced need not read before the announcement: the read model cannot show it yet
     * (a command's answer then reads its story once instead of twice).
     */
    private final Cache<String, Long> announced = Caffeine.newBuilder().maximumSize(10_000).build();

    /** @param positions tells whether a processor runs here; looked up lazily, as processors need this first */
    @Autowired
    public ReadModelProgress(ObjectProvider<ProjectionPositions> positions) {
        this(new Predicate<>() {
            /** Resolved once it exists: resolving a bean on every wait cost ~3% of a command's CPU. */
            private volatile ProjectionPositions known;

            @Override
            public boolean test(String readModel) {
                ProjectionPositions resolved = known;
                if (resolved == null) {
                    resolved = positions.getIfAvailable();
                    known = resolved;
                }
                return resolved != null && resolved.runsHere(readModel);
            }
        }, Duration.ofMillis(LOCAL_RECHECK_MILLIS), Duration.ofMillis(REMOTE_RECHECK_MILLIS));
    }

    /** Without processors (tools, benchmarks): a wait only re-reads the read model. */
    public static ReadModelProgress standalone() {
        return new ReadModelProgress(readModel -> false, Duration.ofMillis(LOCAL_RECHECK_MILLIS),
                Duration.ofMillis(REMOTE_RECHECK_MILLIS));
    }

    /**
     * @param runsHere      whether a read model's processor runs on this server instance
     * @param localRecheck  how often a waiter looks at the read model itself while its processor runs here
     * @param remoteRecheck how often while it runs elsewhere
     */
    ReadModelProgress(Predicate<String> runsHere, Duration localRecheck, Duration remoteRecheck) {
        this.runsHere = runsHere;
        this.localRecheckNanos = localRecheck.toNanos();
        this.remoteRecheckNanos = remoteRecheck.toNanos();
    }

    /** Called by a projection after the events' changes are written; in the order they were applied. */
    public void announce(List<AppliedEvent> applied) {
        if (applied.isEmpty()) {
            return;
        }
        for (AppliedEvent event : applied) {
            String key = key(event.readModel(), event.aggregateId());
            announced.asMap().merge(key, event.version(), Math::max);
            Set<Waiter> waiting = waiters.get(key);
            if (waiting != null) {
                waiting.stream().filter(waiter -> waiter.version <= event.version())
                        .forEach(waiter -> waiter.reached.complete(null));
            }
        }
        listeners.forEach(listener -> listener.accept(applied));
    }

    /** Calls the listener with every announced batch, on the announcing projection's thread: keep it short. */
    public void subscribe(Consumer<List<AppliedEvent>> listener) {
        listeners.add(listener);
    }

    /**
     * The read model's document of an aggregate once it shows at least {@code version}, or, after the
     * timeout, whatever it shows then (possibly nothing).
     *
     * @param read      reads the document from the read model
     * @param versionOf the aggregate version the document shows
     */
    public <T> Optional<T> awaitVersion(String readModel, String aggregateId, long version, Supplier<Optional<T>> read,
                                        ToLongFunction<T> versionOf, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String key = key(readModel, aggregateId);
        Waiter waiter = register(key, version); // before the first read, so no announcement slips between
        try {
            if (runsHere.test(readModel) && announcedBelow(key, version)) {
                // the read model was recently at an older version (the usual case right after a command on an
                // existing aggregate): read once the version is announced, not also before
                long remaining = deadline - System.nanoTime();
                if (remaining > 0 && !await(waiter.reached, Math.min(remaining, localRecheckNanos))) {
                    return read.get();
                }
            }
            while (true) {
                Optional<T> current = read.get();
                if (current.isPresent() && versionOf.applyAsLong(current.get()) >= version) {
                    return current;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return current;
                }
                if (waiter.reached.isDone()) { // announced, yet not shown: the read model was reset meanwhile
                    unregister(key, waiter);
                    waiter = register(key, version);
                }
                long slice = runsHere.test(readModel) ? localRecheckNanos : remoteRecheckNanos;
                if (!await(waiter.reached, Math.min(remaining, slice))) {
                    return current;
                }
            }
        } finally {
            unregister(key, waiter);
        }
    }

    /** Whether this server announced an older version last; unknown (not recent, or never here) is not older. */
    private boolean announcedBelow(String key, long version) {
        Long last = announced.getIfPresent(key);
        return last != null && last < version;
    }

    /** False only when interrupted. */
    private static boolean await(CompletableFuture<Void> reached, long nanos) {
        try {
            reached.get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // time to look at the read model again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return true;
    }

    private Waiter register(String key, long version) {
        Waiter waiter = new Waiter(version, new CompletableFuture<>());
        waiters.compute(key, (k, waiting) -> {
            Set<Waiter> all = waiting == null ? ConcurrentHashMap.newKeySet() : waiting;
            all.add(waiter);
            return all;
        });
        return waiter;
    }

    private void unregister(String key, Waiter waiter) {
        waiters.computeIfPresent(key, (k, waiting) -> {
            waiting.remove(waiter);
            return waiting.isEmpty() ? null : waiting;
        });
    }

    /** How many callers wait right now; for tests. */
    int waiting() {
        return waiters.values().stream().mapToInt(Set::size).sum();
    }

    private static String key(String readModel, String aggregateId) {
        return readModel + '\u0000' + aggregateId;
    }

    /** Identity matters: two callers waiting for the same version are two waiters. */
    private static final class Waiter {

        private final long version;
        private final CompletableFuture<Void> reached;

        private Waiter(long version, CompletableFuture<Void> reached) {
            this.version = version;
            this.reached = reached;
        }
    }
}
