package newsroom.api.audit;

import static newsroom.api.ProblemAssert.assertFieldError;
import static newsroom.api.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import newsroom.api.ApiIntegrationTest;
import newsroom.api.storage.HashChain;
import newsroom.api.storage.MongoEventStorageEngine;
import newsroom.api.storage.MongoStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Verify and signed checkpoints over HTTP. The store is shared with other tests, so a test that rewrites
 * history puts every commit back as it was before it ends.
 */
class AuditVerifyIT extends ApiIntegrationTest {

    @Autowired
    private MongoStore store;

    @Autowired
    private MongoEventStorageEngine engine;

    @Test
    void theServersStoreVerifiesCleanAndAKeptCheckpointStillMatches() {
        pitch("carla", content("Verified", uniqueDesk()));
        JsonNode verified = ok(api.as("otto").get("/api/audit/verify")).body();
        assertThat(verified.path("intact").asBoolean()).as("%s", verified).isTrue();
        assertThat(verified.path("commits").asLong()).isEqualTo(verified.path("head").asLong() + 1);

        JsonNode checkpoint = ok(api.as("otto").post("/api/audit/checkpoints")).body();
        assertThat(checkpoint.path("hash").asText()).hasSize(64);
        assertThat(checkpoint.path("signature").asText()).isNotBlank();
        pitch("carla", content("After the checkpoint", uniqueDesk()));

        JsonNode against = ok(api.as("otto").post("/api/audit/verify", checkpoint)).body();
        assertThat(against.path("intact").asBoolean()).as("%s", against).isTrue();
        assertThat(against.path("checkpoint").path("signatureValid").asBoolean()).isTrue();
        assertThat(against.path("checkpoint").path("matches").asBoolean()).isTrue();
    }

    @Test
    void aFullRewriteOfTheHistoryIsDetectedAgainstACheckpointKeptBeforeIt() {
        String storyId = pitch("carla", content("Rewritten later", uniqueDesk()));
        JsonNode checkpoint = ok(api.as("otto").post("/api/audit/checkpoints")).body();
        MongoCollection<Document> commits = store.database().getCollection(MongoEventStorageEngine.COLLECTION);
        long rewrittenFrom = ((Number) commits.find(Filters.eq("aggregateKey", storyId + "#0")).first().get("_id"))
                .longValue();
        List<Document> originals = commits.find(Filters.gte("_id", rewrittenFrom)).sort(Sorts.ascending("_id"))
                .into(new ArrayList<>());
        try {
            // a forger changes the title and recomputes every hash after it: the chain alone is consistent again
            String previous = hashBefore(commits, rewrittenFrom);
            for (Document original : originals) {
                Document forged = Document.parse(original.toJson());
                forged.put("_id", original.get("_id"));
                if (((Number) original.get("_id")).longValue() == rewrittenFrom) {
                    Document event = forged.getList("events", Document.class).get(0);
                    event.put("payload", event.getString("payload").replace("Rewritten later", "Never said"));
                }
                forged.put("hash", HashChain.hash(forged, previous));
                previous = forged.getString("hash");
                commits.replaceOne(Filters.eq("_id", forged.get("_id")), forged);
            }
            assertThat(engine.verifyChain(-1).intact()).isTrue();

            JsonNode against = ok(api.as("otto").post("/api/audit/verify", checkpoint)).body();
            assertThat(against.path("intact").asBoolean()).isFalse();
            assertThat(against.path("checkpoint").path("signatureValid").asBoolean()).isTrue();
            assertThat(against.path("checkpoint").path("matches").asBoolean()).isFalse();
            assertThat(against.path("checkpoint").path("problem").asText()).contains("rewritten");
        } finally {
            // put the history back, and chain what was recorded meanwhile (the reads of the audit) to it again
            originals.forEach(original -> commits.replaceOne(Filters.eq("_id", original.get("_id")), original));
            long last = ((Number) originals.get(originals.size() - 1).get("_id")).longValue();
            String previous = originals.get(originals.size() - 1).getString("hash");
            for (Document later : commits.find(Filters.gt("_id", last)).sort(Sorts.ascending("_id"))) {
                previous = HashChain.hash(later, previous);
                commits.updateOne(Filters.eq("_id", later.get("_id")), new Document("$set", new Document("hash", previous)));
            }
        }
        assertThat(ok(api.as("otto").post("/api/audit/verify", checkpoint)).body().path("intact").asBoolean()).isTrue();
    }

    @Test
    void aCheckpointThatFailsItsSignatureProvesNothingAndTheIntactChainStaysIntact() {
        JsonNode checkpoint = ok(api.as("ada").post("/api/audit/checkpoints")).body();
        pitch("carla", content("After the checkpoint", uniqueDesk()));
        Map<String, Object> earlierCommit = fields(checkpoint);
        earlierCommit.put("commit", Math.max(0, checkpoint.path("commit").asLong() - 1));
        Map<String, Object> farCommit = fields(checkpoint);
        farCommit.put("commit", Long.MAX_VALUE);
        Map<String, Object> otherHash = fields(checkpoint);
        otherHash.put("hash", "0".repeat(64));
        Map<String, Object> notASignature = fields(checkpoint);
        notASignature.put("signature", "bm90IGEgc2lnbmF0dXJl");

        for (Map<String, Object> forged : List.of(earlierCommit, farCommit, otherHash, notASignature)) {
            JsonNode answer = ok(api.as("otto").post("/api/audit/verify", forged)).body();
            JsonNode alone = ok(api.as("otto").get("/api/audit/verify")).body();
            assertThat(answer.path("intact").asBoolean()).as("%s: %s", forged, answer).isTrue();
            assertThat(answer.hasNonNull("firstBadCommit")).isFalse();
            // the head is the store's, never the checkpoint's
            assertThat(answer.path("head").asLong()).as("%s", answer)
                    .isBetween(checkpoint.path("commit").asLong() + 1, alone.path("head").asLong());
            assertThat(answer.path("commits").asLong()).isEqualTo(answer.path("head").asLong() + 1);
            assertThat(answer.path("checkpoint").path("signatureValid").asBoolean()).isFalse();
            assertThat(answer.path("checkpoint").has("matches")).as("not compared: %s", answer).isFalse();
            assertThat(answer.path("checkpoint").path("problem").asText()).contains("signature")
                    .doesNotContain("rewritten");
        }
    }

    @Test
    void badCheckpointsAreRefusedNamingTheFieldAndOnlyAuditorsAndAdminsVerify() {
        JsonNode checkpoint = ok(api.as("otto").post("/api/audit/checkpoints")).body();
        Map<String, Object> badHash = fields(checkpoint);
        badHash.put("hash", "not-a-hash");
        assertFieldError(api.as("otto").post("/api/audit/verify", badHash), "hash", "Pattern");
        Map<String, Object> noCommit = fields(checkpoint);
        noCommit.remove("commit");
        assertFieldError(api.as("otto").post("/api/audit/verify", noCommit), "commit", "NotNull");
        Map<String, Object> negative = fields(checkpoint);
        negative.put("commit", -1);
        assertFieldError(api.as("otto").post("/api/audit/verify", negative), "commit", "Min");

        for (String user : List.of("eddie", "grace", "victor")) {
            assertProblem(api.as(user).get("/api/audit/verify"), 403);
            assertProblem(api.as(user).post("/api/audit/checkpoints"), 403);
            assertProblem(api.as(user).post("/api/audit/verify", fields(checkpoint)), 403);
        }
    }

    private static String hashBefore(MongoCollection<Document> commits, long number) {
        return commits.find(Filters.eq("_id", number - 1)).first().getString("hash");
    }

    private static Map<String, Object> fields(JsonNode checkpoint) {
        Map<String, Object> fields = new LinkedHashMap<>();
        checkpoint.fields().forEachRemaining(field -> fields.put(field.getKey(),
                field.getValue().isNumber() ? field.getValue().asLong() : field.getValue().asText()));
        return fields;
    }
}
