package newsroom.api.people;

import java.util.ArrayList;
import java.util.Comparator;
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

/**
 * The {@code users} read model: one document per account, keyed by username. A newsroom has tens to a few
 * thousand people, so the list reads them all; sign-in reads one by its key.
 */
@Repository
class UserRepository {

    private final MongoCollection<Document> collection;
    private final DocumentMapper mapper;

    UserRepository(MongoStore store, DocumentMapper mapper) {
        this.collection = store.database().getCollection("users");
        this.mapper = mapper;
    }

    void save(UserView view) {
        collection.replaceOne(Filters.eq("_id", view.username()), mapper.toDocument(view.username(), view),
                new ReplaceOptions().upsert(true));
    }

    Optional<UserView> find(String username) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", username)).first())
                .map(document -> mapper.fromDocument(document, UserView.class));
    }

    List<UserView> all() {
        List<UserView> all = new ArrayList<>();
        collection.find().forEach(document -> all.add(mapper.fromDocument(document, UserView.class)));
        all.sort(Comparator.comparing(UserView::username));
        return all;
    }

    void deleteAll() {
        ReadModelCollections.deleteAll(collection);
    }
}
