package newsroom.api.people;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import newsroom.api.storage.DocumentMapper;
import newsroom.api.storage.MongoStore;
import newsroom.api.storage.ReadModelCollections;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The {@code api_tokens} read model: one document per token, keyed by its id. A person has a handful of tokens, so
 * listing someone's is a small query on {@code owner}.
 */
@Repository
class ApiTokenRepository {

    private final MongoCollection<Document> collection;
    private final DocumentMapper mapper;

    ApiTokenRepository(MongoStore store, DocumentMapper mapper) {
        this.collection = store.database().getCollection("api_tokens");
        this.collection.createIndex(Indexes.ascending("owner"));
        this.mapper = mapper;
    }

    void save(ApiTokenView view) {
        collection.replaceOne(Filters.eq("_id", view.tokenId()), mapper.toDocument(view.tokenId(), view),
                new ReplaceOptions().upsert(true));
    }

    Optional<ApiTokenView> find(String tokenId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", tokenId)).first())
                .map(document -> mapper.fromDocument(document, ApiTokenView.class));
    }

    /** The owner's tokens, newest first. */
    List<ApiTokenView> ownedBy(String owner) {
        List<ApiTokenView> tokens = new ArrayList<>();
        collection.find(Filters.eq("owner", owner))
                .forEach(document -> tokens.add(mapper.fromDocument(document, ApiTokenView.class)));
        tokens.sort(Comparator.comparing(ApiTokenView::createdAt).reversed());
        return tokens;
    }

    void deleteAll() {
        ReadModelCollections.deleteAll(collection);
    }
}
