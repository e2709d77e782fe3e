package newsroom.api.storage;

import java.time.Duration;

/**
 * How the embedded store uses memory and keeps its file small.
 *
 * @param cacheSizeMb      the store's page cache in MB (part of the heap)
 * @param fillRate         compaction keeps at least this percentage of the file live data: while serving it
 *                         rewrites sparse parts of the file in small steps, and moves data forward so the
 *                         file can shrink
 * @param compactOnStop    how long a clean stop may spend compacting the file after closing it
 * @param flushInterval    how often writes nobody waits for (read models, tracking tokens) are written
 * @param compactionPeriod how often a compaction step runs while serving
 * @param retention        how long outdated parts of the file are kept before their space is reused, so a
 *                         read that started on an older version can finish (every read of the server takes
 *                         well under a second; the store's own default is 45 s)
 */
public record EmbeddedStoreSettings(int cacheSizeMb, int fillRate, Duration compactOnStop, Duration flushInterval,
                                    Duration compactionPeriod, Duration retention) {

    public static final int DEFAULT_CACHE_SIZE_MB = 32;
    public static final int DEFAULT_FILL_RATE = 60;
    public static final Duration DEFAULT_COMPACT_ON_STOP = Duration.ofSeconds(8);

    public EmbeddedStoreSettings {
        if (cacheSizeMb < 1) {
            throw new IllegalArgumentException("the cache needs at least 1 MB");
        }
        if (fillRate < 10 || fillRate > 95) {
            throw new IllegalArgumentException("the fill rate is a percentage between 10 and 95");
        }
    }

    public static EmbeddedStoreSettings defaults() {
        return new EmbeddedStoreSettings(DEFAULT_CACHE_SIZE_MB, DEFAULT_FILL_RATE, DEFAULT_COMPACT_ON_STOP,
                Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15));
    }
}
