package newsroom.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.LongStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import newsroom.api.storage.DocumentMapper;
import newsroom.api.storage.MongoStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Posting lists kept in blocks: batches append to the last block only, readers get the whole list in order. */
class AuditPostingBlocksIT {

    private static final String KEY = AuditKey.allPosting("2027-03");

    private MongoServer server;
    private MongoClient client;
    private AuditRepository audit;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        audit = new AuditRepository(new MongoStore(client, client.getDatabase("audit_test"), "test", true, () -> { }),
                new DocumentMapper());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void batchesAppendToTheLastBlockAndReadersGetTheWholeListInOrder() {
        long next = 0;
        for (int batch = 0; batch < 7; batch++) { // 7 batches of 100: three blocks
            PostingTail tail = audit.tails(List.of(KEY)).get(KEY);
            for (int i = 0; i < 100; i++, next++) {
                tail.list().add(next * 8, 1_000 + next);
            }
            audit.write(List.of(), Map.of(KEY, tail), new TreeSet<>(List.of("2027-03")), List.of());
        }

        assertThat(ids(audit.postings(List.of(KEY)).get(KEY))).containsExactlyElementsOf(
                LongStream.range(0, 700).map(id -> id * 8).boxed().toList());
        assertThat(audit.postings(List.of(KEY)).get(KEY).time(699)).isEqualTo(1_699);
        Document head = client.getDatabase("audit_test").getCollection("audit_postings").find(Filters.eq("_id", KEY)).first();
        assertThat(head.getInteger("blocks")).isEqualTo(3);
        assertThat(audit.tails(List.of(KEY)).get(KEY).firstBlock()).isEqualTo(2); // the next batch reads one block
    }

    @Test
    void aReplayedEntryBeforeTheLastBlockIsFoundAndNotAddedTwice() {
        PostingTail first = audit.tails(List.of(KEY)).get(KEY);
        LongStream.range(0, AuditRepository.BLOCK + 10).forEach(id -> first.list().add(id * 8, id));
        audit.write(List.of(), Map.of(KEY, first), new TreeSet<>(List.of("2027-03")), List.of());

        PostingTail tail = audit.tails(List.of(KEY)).get(KEY);
        tail.list().add(10_000, 10_000); // appended in this batch before the replayed entry arrives
        assertThat(tail.covers(8)).isFalse();
        PostingTail whole = audit.whole(tail);
        assertThat(whole.list().add(8, 1)).isFalse(); // already there
        assertThat(whole.list().add(9, 1)).isTrue(); // missing there: inserted in place
        audit.write(List.of(), Map.of(KEY, whole), new TreeSet<>(List.of("2027-03")), List.of());

        List<Long> ids = ids(audit.postings(List.of(KEY)).get(KEY));
        assertThat(ids).hasSize(AuditRepository.BLOCK + 12).isSorted().contains(8L, 9L, 10_000L).doesNotHaveDuplicates();
    }

    private static List<Long> ids(PostingList list) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            ids.add(list.id(i));
        }
        return ids;
    }
}
