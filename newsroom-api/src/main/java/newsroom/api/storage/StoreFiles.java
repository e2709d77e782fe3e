package newsroom.api.storage;

import java.util.Set;

/**
 * The embedded store keeps its data in two files, so that a group flush writes only what it must.
 * <ul>
 * <li>{@value #EVENTS_FILE}: the events, every collection whose writes are acknowledged only once they are on
 * disk ({@link Durability}: the hash chain, {@code Idempotency-Key} answers, passwords, API token secrets, feed
 * tokens, channel connectors and their keys), and the records of what happened outside that no event holds
 * (deliveries and their attempts, failed sign-ins). A group flush writes and syncs this file alone.</li>
 * <li>{@value #READ_MODELS_FILE}: everything derived from the events — read models and projection positions —
 * which a crash may set back by the last second, as before the split: it is written once a
 * second, always after the events file was synced, so it never holds the result of an event the events file could
 * lose. The projections redo what it lost from the events.</li>
 * </ul>
 * Why: with one file, each group flush (one per command under load) rewrote and compressed every read-model page
 * changed since the previous one, a quarter of the server's CPU at 50 commands/s; the read models' pages are now
 * written once a second, however many commands changed them.
 * <p>
 * A collection that awaits {@link Durability}, or holds anything the events do not, must be listed here: the group
 * flush does not write the other file, and the other file may be rebuilt from the events.
 */
final class StoreFiles {

    static final String EVENTS_FILE = "newsroom.mv";
    static final String READ_MODELS_FILE = "newsroom-read-models.mv";

    private static final Set<String> IN_EVENTS_FILE = Set.of(
            MongoEventStorageEngine.COLLECTION,
            MongoEventStorageEngine.CHAIN_RECORDS,
            "idempotency_keys",
            "user_credentials",
            "api_token_secrets",
            "calendar_feed_tokens",
            "calendar_feed_owners",
            "channel_connectors",
            "publishing_keys",
            // facts of the outside world, not derived from the events: what was sent to a channel and what it
            // answered, and failed sign-ins. The outbox finds a delivery here before it makes one, so a
            // position it lost with the other file never sends anything twice
            "deliveries",
            "delivery_attempts",
            "delivery_queue",
            "sign_in_failures",
            // the Axon Mongo extension's events and snapshots, should it be pointed at this store (StorageBenchmark
            // compares it with ours): events belong where a flush makes them durable
            "domainevents",
            "snapshotevents");

    private StoreFiles() {
    }

    /** Whether the collection lives in the events file: the acknowledged ones and the server's own catalog. */
    static boolean inEventsFile(String collectionName) {
        return IN_EVENTS_FILE.contains(collectionName) || collectionName.startsWith("system.");
    }
}
