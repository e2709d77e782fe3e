package newsroom.api.campaign;

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

/** The {@code campaigns} read model. */
@Repository
class CampaignRepository {

    private final MongoCollection<Document> collection;
    private final DocumentMapper mapper;

    CampaignRepository(MongoStore store, DocumentMapper mapper) {
        this.collection = store.database().getCollection("campaigns");
        this.mapper = mapper;
    }

    /** Saves the campaign as of the given version of its aggregate. */
    void save(CampaignView view, long version) {
        collection.replaceOne(Filters.eq("_id", view.campaignId()),
                mapper.toDocument(view.campaignId(), view).append("version", version), new ReplaceOptions().upsert(true));
    }

    /** The campaign aggregate's version the read model shows. */
    Optional<Long> version(String campaignId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", campaignId)).first())
                .map(document -> document.getLong("version"));
    }

    Optional<CampaignView> find(String campaignId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", campaignId)).first())
                .map(document -> mapper.fromDocument(document, CampaignView.class));
    }

    List<CampaignView> all() {
        List<CampaignView> all = new ArrayList<>();
        collection.find().forEach(document -> all.add(mapper.fromDocument(document, CampaignView.class)));
        all.sort(Comparator.comparing(CampaignView::name, String.CASE_INSENSITIVE_ORDER));
        return all;
    }

    void deleteAll() {
        ReadModelCollections.deleteAll(collection);
    }
}
