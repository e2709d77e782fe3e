package newsroom.api.crisis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import newsroom.api.storage.DocumentMapper;
import newsroom.api.storage.MongoStore;
import newsroom.api.storage.ReadModelCollections;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/** The {@code crisis} read model: one document per crisis, by crisis id. */
@Repository
class CrisisRepository {

    private final MongoCollection<Document> collection;
    private final DocumentMapper mapper;

    CrisisRepository(MongoStore store, DocumentMapper mapper) {
        this.collection = store.database().getCollection("crisis");
        this.mapper = mapper;
    }

    void save(CrisisView view) {
        collection.replaceOne(Filters.eq("_id", view.crisisId()), mapper.toDocument(view.crisisId(), view),
                new ReplaceOptions().upsert(true));
    }

    Optional<CrisisView> find(String crisisId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", crisisId)).first())
                .map(document -> mapper.fromDocument(document, CrisisView.class));
    }

    /** The latest crises first. */
    List<CrisisView> latest(int limit) {
        return collection.find().sort(Sorts.descending("version")).limit(limit)
                .map(document -> mapper.fromDocument(document, CrisisView.class)).into(new ArrayList<>());
    }

    /** The crisis switch's version the read model shows (its latest crisis). */
    Optional<Long> version() {
        return latest(1).stream().findFirst().map(CrisisView::version);
    }

    void deleteAll() {
        ReadModelCollections.deleteAll(collection);
    }
}
