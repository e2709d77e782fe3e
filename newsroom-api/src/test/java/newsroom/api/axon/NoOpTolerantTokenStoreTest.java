package newsroom.api.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import newsroom.api.storage.EmbeddedMongoServer;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

class NoOpTolerantTokenStoreTest {

    /** Refuses the first {@code refusals} stores, like Axon's Mongo store does for a same-millisecond repeat. */
    private static final class RefusingStore implements TokenStore {
        private final List<TrackingToken> stored = new ArrayList<>();
        private int refusals;

        RefusingStore(int refusals) {
            this.refusals = refusals;
        }

        @Override
        public void storeToken(TrackingToken token, String processorName, int segment) {
            if (refusals-- > 0) {
                throw new UnableToClaimTokenException("refused");
            }
            stored.add(token);
        }

        @Override
        public TrackingToken fetchToken(String processorName, int segment) {
            return stored.isEmpty() ? null : stored.get(stored.size() - 1);
        }

        @Override
        public void releaseClaim(String processorName, int segment) {
        }

        @Override
        public int[] fetchSegments(String processorName) {
            return new int[] {0};
        }
    }

    @Test
    void aStoreReportedAsALostClaimIsTriedOnceMore() {
        RefusingStore delegate = new RefusingStore(1);

        new NoOpTolerantTokenStore(delegate).storeToken(new GlobalSequenceTrackingToken(7), "stories", 0);

        assertThat(delegate.stored).containsExactly(new GlobalSequenceTrackingToken(7));
    }

    @Test
    void aClaimThatIsReallyLostStaysLost() {
        RefusingStore delegate = new RefusingStore(2);

        assertThatThrownBy(() -> new NoOpTolerantTokenStore(delegate)
                .storeToken(new GlobalSequenceTrackingToken(7), "stories", 0))
                .isInstanceOf(UnableToClaimTokenException.class);
        assertThat(delegate.stored).isEmpty();
    }

    @Test
    void storingTheSameTokenAgainAndAgainOnTheEmbeddedStoreKeepsTheClaim() throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(Files.createTempDirectory("tokens"));
             MongoClient client = MongoClients.create(server.connectionString())) {
            TokenStore tokens = new NoOpTolerantTokenStore(MongoTokenStore.builder()
                    .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client.getDatabase("tokens")).build())
                    .serializer(JacksonSerializer.builder().objectMapper(new ObjectMapper()).build())
                    .build());
            tokens.initializeTokenSegments("stories", 1);
            tokens.fetchToken("stories", 0);

            for (int i = 0; i < 200; i++) { // many land in the same millisecond as the one before
                tokens.storeToken(new GlobalSequenceTrackingToken(41), "stories", 0);
            }

            assertThat(tokens.fetchToken("stories", 0)).isEqualTo(new GlobalSequenceTrackingToken(41));
        }
    }
}
