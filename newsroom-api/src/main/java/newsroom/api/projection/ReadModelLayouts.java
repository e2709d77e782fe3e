package newsroom.api.projection;

import java.util.Map;
import java.util.TreeMap;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.annotation.PostConstruct;
import newsroom.api.storage.MongoEventStorageEngine;
import newsroom.api.storage.MongoStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The read models and the shape of their stored documents. When a new version of the server stores a
 * read model differently, its layout number goes up here, and the first server started on the old data
 * rebuilds that read model from the event store (as an admin's rebuild would), so nobody reads documents
 * of the old shape. The layout each read model was built with is kept in {@code read_model_layouts}.
 * The check runs after Axon has started its processors and before the web server opens its port, so no
 * request reads an outdated read model before its rebuild began, and a read model reported caught up
 * once the server answers is one of the current layout.
 */
@Component
public class ReadModelLayouts implements SmartLifecycle {

    /** After Axon's processors, before the people's and the governance seeds (which wait for read models). */
    private static final int PHASE = Integer.MAX_VALUE - 3072;

    /** Read model (processing group) → layout of its documents; raise it when they change shape. */
    static final Map<String, Integer> LAYOUTS = new TreeMap<>(Map.ofEntries(
            // stories 4 and calendar 4 were raised by two branches at once (approval policies; crisis mode): 5 has both
            Map.entry("stories", 5),        // 2: lastApprovedContent; 3: fullyPublished; 5: approval policies, attested approvals, paused placements, quiet-period overrides
            Map.entry("calendar", 5),       // 2: hour buckets behind day indexes; 3: story copies with fullyPublished; 5: as stories 5
            Map.entry("notifications", 2),  // 2: inboxes per recipient (person or role), own story facts
            Map.entry("blackouts", 2),      // 2: aggregate version stored, for read-your-writes
            Map.entry("campaigns", 2),      // 2: aggregate version stored, for read-your-writes
            Map.entry("users", 1),
            Map.entry("channels", 1),
            Map.entry("approval-policies", 1),
            Map.entry("delegations", 1),
            Map.entry("api-tokens", 1),
            Map.entry("sign-ins", 1),
            Map.entry("crisis", 1),
            Map.entry("audit", 2),          // 2: entry ids right when a commit's events come in two batches
            Map.entry("calendar-history", 3), // 2: filed by slot day and the weeks each version held in; 3: ended versions in chunks
            Map.entry("publication-schedule", 2))); // 2: stories filed by the day of their next slot

    private static final int FIRST_LAYOUT = 1;

    private static final Logger log = LoggerFactory.getLogger(ReadModelLayouts.class);

    private final EventProcessingConfiguration processing;
    private final MongoCollection<Document> layouts;
    private final MongoCollection<Document> events;
    private volatile boolean running;

    ReadModelLayouts(EventProcessingConfiguration processing, MongoStore store) {
        this.processing = processing;
        this.layouts = store.database().getCollection("read_model_layouts");
        this.events = store.database().getCollection(MongoEventStorageEngine.COLLECTION);
    }

    /**
     * On a store without events, every read model is built with the current layout from its first event: the
     * layouts are recorded before anything is written (e.g. the first people), so the first start rebuilds
     * nothing and nobody finds a read model emptied for a rebuild right after the server became ready.
     */
    @PostConstruct
    void recordLayoutsOfAnEmptyStore() {
        if (events.find().projection(new Document("_id", 1)).limit(1).first() != null) {
            return;
        }
        LAYOUTS.forEach((name, layout) -> layouts.replaceOne(Filters.eq("_id", name),
                new Document("_id", name).append("layout", layout), new ReplaceOptions().upsert(true)));
    }

    /**
     * Rebuilds every read model whose stored layout is not the current one. A read model without a
     * record was built before layouts were recorded, with layout 1, so one still at layout 1 (users) is
     * not rebuilt: a rebuild empties it for a moment, and nobody can sign in while users is empty.
     */
    public void rebuildOutdated() {
        LAYOUTS.forEach((name, layout) -> {
            Document stored = layouts.find(Filters.eq("_id", name)).first();
            int storedLayout = stored == null ? FIRST_LAYOUT : stored.getInteger("layout", FIRST_LAYOUT);
            if (storedLayout == layout) {
                return;
            }
            processing.eventProcessor(name, StreamingEventProcessor.class).ifPresent(processor -> {
                try {
                    processor.shutDown();
                    processor.resetTokens();
                    processor.start();
                    layouts.replaceOne(Filters.eq("_id", name), new Document("_id", name).append("layout", layout),
                            new ReplaceOptions().upsert(true));
                    log.info("Rebuilding read model '{}' for document layout {}", name, layout);
                } catch (RuntimeException e) {
                    // another instance holds the processor: it rebuilds, or an admin does
                    processor.start();
                    log.warn("Could not rebuild read model '{}' for layout {}; rebuild it with POST "
                            + "/api/admin/projections/{}/rebuild", name, layout, name, e);
                }
            });
        });
    }

    @Override
    public void start() {
        rebuildOutdated();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
