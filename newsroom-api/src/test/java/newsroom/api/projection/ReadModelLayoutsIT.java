package newsroom.api.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import newsroom.api.ApiIntegrationTest;
import newsroom.api.storage.MongoStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A server started on a read model stored in an older layout rebuilds it before anyone reads the old shape. */
class ReadModelLayoutsIT extends ApiIntegrationTest {

    @Autowired
    private ReadModelLayouts layouts;

    @Autowired
    private MongoStore store;

    @Test
    void aReadModelInAnOlderLayoutIsRebuiltFromTheEvents() {
        String storyId = plannedStory(uniqueDesk());
        // what the first release stored: one document per day with all its entries
        store.database().getCollection("calendar_days").insertOne(new Document("_id", "1999-12-31")
                .append("entries", List.of(new Document("entryId", "old:layout"))));
        store.database().getCollection("read_model_layouts").replaceOne(Filters.eq("_id", "calendar"),
                new Document("_id", "calendar").append("layout", 1), new ReplaceOptions().upsert(true));

        layouts.rebuildOutdated();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode status = ok(api.as("ada").get("/api/admin/projections")).body();
            for (JsonNode projection : status.path("projections")) {
                assertThat(projection.path("caughtUp").asBoolean()).as("%s", projection).isTrue();
                assertThat(projection.path("replaying").asBoolean()).as("%s", projection).isFalse();
            }
        });
        assertThat(store.database().getCollection("calendar_days").find(Filters.eq("_id", "1999-12-31")).first())
                .isNull();
        assertThat(store.database().getCollection("read_model_layouts").find(Filters.eq("_id", "calendar")).first()
                .getInteger("layout")).isEqualTo(ReadModelLayouts.LAYOUTS.get("calendar"));
        JsonNode calendar = ok(api.as("victor").get(
                "/api/calendar?from=2027-03-04T00:00:00Z&to=2027-03-05T00:00:00Z")).body();
        assertThat(calendar.path("entries").toString()).contains(storyId + ":" + PRESS, storyId + ":" + LINKEDIN);
    }

    @Test
    void aReadModelStillInItsFirstLayoutIsNotRebuiltWhenItHasNoRecord() {
        // users has layout 1, which every read model had before layouts were recorded: rebuilding it
        // would empty it for a moment, and nobody can sign in while it is empty
        store.database().getCollection("read_model_layouts").deleteOne(Filters.eq("_id", "users"));
        Document marker = new Document("_id", "layout-marker").append("note", "gone if users were rebuilt");
        store.database().getCollection("users").insertOne(marker);
        try {
            layouts.rebuildOutdated();

            assertThat(store.database().getCollection("users").find(Filters.eq("_id", "layout-marker")).first())
                    .isNotNull();
            assertThat(api.as("victor").get("/api/me").status()).isEqualTo(200);
        } finally {
            store.database().getCollection("users").deleteOne(Filters.eq("_id", "layout-marker"));
        }
    }
}
