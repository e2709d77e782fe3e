package newsroom.api.governance;

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

/** The {@code approval_policies} read model: one document per policy with all its versions. */
@Repository
public class PolicyRepository {

    private final MongoCollection<Document> collection;
    private final DocumentMapper mapper;

    PolicyRepository(MongoStore store, DocumentMapper mapper) {
        this.collection = store.database().getCollection("approval_policies");
        this.mapper = mapper;
    }

    void save(PolicyView view) {
        collection.replaceOne(Filters.eq("_id", view.policyId()), mapper.toDocument(view.policyId(), view),
                new ReplaceOptions().upsert(true));
    }

    public Optional<PolicyView> find(String policyId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", policyId)).first())
                .map(document -> mapper.fromDocument(document, PolicyView.class));
    }

    public List<PolicyView> all() {
        List<PolicyView> all = new ArrayList<>();
        collection.find().forEach(document -> all.add(mapper.fromDocument(document, PolicyView.class)));
        all.sort(Comparator.comparing(PolicyView::policyId));
        return all;
    }

    void deleteAll() {
        ReadModelCollections.deleteAll(collection);
    }
}
