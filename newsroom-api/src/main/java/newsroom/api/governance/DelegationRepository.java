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
import newsroom.governance.Delegation;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/** The {@code delegations} read model: one document per delegation (equality lookups by person). */
@Repository
public class DelegationRepository {

    private final MongoCollection<Document> collection;
    private final DocumentMapper mapper;

    DelegationRepository(MongoStore store, DocumentMapper mapper) {
        this.collection = store.database().getCollection("delegations");
        this.mapper = mapper;
    }

    void save(DelegationView view) {
        collection.replaceOne(Filters.eq("_id", view.delegationId()), mapper.toDocument(view.delegationId(), view),
                new ReplaceOptions().upsert(true));
    }

    public Optional<DelegationView> find(String delegationId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", delegationId)).first())
                .map(document -> mapper.fromDocument(document, DelegationView.class));
    }

    /** The delegations naming this person as delegate and not revoked; the domain checks their periods. */
    public List<Delegation> heldBy(String username) {
        List<Delegation> held = new ArrayList<>();
        collection.find(Filters.eq("delegate", username)).forEach(document -> {
            DelegationView view = mapper.fromDocument(document, DelegationView.class);
            if (!view.revoked()) {
                held.add(view.delegation());
            }
        });
        return held;
    }

    /** Every delegation this person gave or received, latest period first. */
    List<DelegationView> involving(String username) {
        List<DelegationView> all = new ArrayList<>();
        collection.find(Filters.or(Filters.eq("delegator", username), Filters.eq("delegate", username)))
                .forEach(document -> all.add(mapper.fromDocument(document, DelegationView.class)));
        all.sort(Comparator.comparing(DelegationView::from).reversed().thenComparing(DelegationView::delegationId));
        return all;
    }

    void deleteAll() {
        ReadModelCollections.deleteAll(collection);
    }
}
