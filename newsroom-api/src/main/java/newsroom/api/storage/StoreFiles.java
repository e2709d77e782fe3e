package newsroom.api.storage;

import java.util.Set;

/**
 * The embedded store keeps its data in two files, so that a group flush writes only what it must.
 * <ul>
 * <li>{@value #EVENTS_FILE}: the events and every collection whose writes are acknowledged only once they are on
 * disk ({@link Durability}): the hash chain, {@code Idempotency-Key} answers, passwords, API token secrets, feed
 * tokens, channel connectors and their keys. A group flush writes and syncs this file alone.</li>
 * <li>{@value #READ_MODELS_FILE}: everything else — read models, projection positions, the delivery outbox,
 * sign-in records — which a crash may set back by the last second, as before the split: it is written once a
 * second, always after the events file was synced, so it never holds the result of an event the events file could
 * lose. The projections redo what it lost from the events.</li>
 * </ul>
 * Why: with one file, each group flush (one per command under load) rewrote and compressed every read-model page
 * changed since the previous one, a quarter of the server's CPU at 50 commands/s; the read models' pages are now
 * written once a second, however many commands changed them.
 * <p>
 * A collection that awaits {@link Durability} must be listed here: the group flush does not write the other file.
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
            "publishing_keys");

    private StoreFiles() {
    }

    /** Whether the collection lives in the events file: the acknowledged ones and the server's own catalog. */
    static boolean inEventsFile(String collectionName) {
        return IN_EVENTS_FILE.contains(collectionName) || collectionName.startsWith("system.");
    }
}
