package newsroom.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import newsroom.api.storage.MongoStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stored first answers: replayed within the retention, free again after it (no TTL index needed). */
class IdempotencyRecordsIT {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final Duration ABANDON = Duration.ofMinutes(2);

    private MongoServer server;
    private MongoClient client;
    private IdempotencyRecords records;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        records = new IdempotencyRecords(new MongoStore(client, client.getDatabase("idempotency_test"), "test", true,
                () -> { }));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aKeyIsReplayedWithinTheRetentionAndFreeAgainAfterIt() {
        assertThat(records.claim("eddie\nk1", "hash", T0, ABANDON)).isInstanceOf(IdempotencyRecords.Claim.Claimed.class);
        records.complete("eddie\nk1", new IdempotencyRecords.Answer(200, "application/json", Map.of(), "{}".getBytes()));

        assertThat(records.claim("eddie\nk1", "hash", T0.plus(Duration.ofHours(23)), ABANDON))
                .isInstanceOf(IdempotencyRecords.Claim.Done.class);
        assertThat(records.claim("eddie\nk1", "other", T0.plus(Duration.ofHours(23)), ABANDON))
                .isInstanceOf(IdempotencyRecords.Claim.DifferentRequest.class);
        assertThat(records.claim("eddie\nk1", "other", T0.plus(Duration.ofHours(25)), ABANDON))
                .isInstanceOf(IdempotencyRecords.Claim.Claimed.class);
    }

    @Test
    void aRequestStillRunningHoldsItsKeyUntilItIsAbandoned() {
        records.claim("eddie\nk2", "hash", T0, ABANDON);

        assertThat(records.claim("eddie\nk2", "hash", T0.plusSeconds(30), ABANDON))
                .isInstanceOf(IdempotencyRecords.Claim.InProgress.class);
        assertThat(records.claim("eddie\nk2", "hash", T0.plus(Duration.ofMinutes(3)), ABANDON))
                .isInstanceOf(IdempotencyRecords.Claim.Claimed.class);
    }
}
