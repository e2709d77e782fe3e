package newsroom.api.calendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import newsroom.api.storage.DocumentMapper;
import newsroom.api.storage.MongoStore;
import newsroom.api.storage.ReadModelCollections;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/** The {@code blackouts} read model. A newsroom has few quiet periods, so reads take them all. */
@Repository
class BlackoutRepository {

    private final MongoCollection<Document> collection;
    private final DocumentMapper mapper;

    BlackoutRepository(MongoStore store, DocumentMapper mapper) {
        this.collection = store.database().getCollection("blackouts");
        this.mapper = mapper;
    }

    /** Saves the quiet period as of the given version of its aggregate. */
    void save(BlackoutView view, long version) {
        collection.replaceOne(Filters.eq("_id", view.blackoutId()),
                mapper.toDocument(view.blackoutId(), view).append("version", version), new ReplaceOptions().upsert(true));
    }

    /** The quiet period aggregate's version the read model shows. */
    Optional<Long> version(String blackoutId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", blackoutId)).first())
                .map(document -> document.getLong("version"));
    }

    Optional<BlackoutView> find(String blackoutId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", blackoutId)).first())
                .map(document -> mapper.fromDocument(document, BlackoutView.class));
    }

    List<BlackoutView> all() {
        List<BlackoutView> all = new ArrayList<>();
        collection.find().forEach(document -> all.add(mapper.fromDocument(document, BlackoutView.class)));
        all.sort(java.util.Comparator.comparing(BlackoutView::startsAt));
        return all;
    }

    /** Quiet periods in force that overlap [from, to). */
    List<BlackoutView> activeBetween(Instant from, Instant to) {
        return all().stream()
                .filter(blackout -> !blackout.lifted())
                .filter(blackout -> blackout.startsAt().isBefore(to) && blackout.endsAt().isAfter(from))
                .toList();
    }

    void deleteAll() {
        ReadModelCollections.deleteAll(collection);
    }
}
