package newsroom.api.channel;

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

/** The {@code channels} read model: one small document per channel, retired ones included. */
@Repository
class ChannelRepository {

    private final MongoCollection<Document> collection;
    private final DocumentMapper mapper;

    ChannelRepository(MongoStore store, DocumentMapper mapper) {
        this.collection = store.database().getCollection("channels");
        this.mapper = mapper;
    }

    void save(ChannelView view) {
        collection.replaceOne(Filters.eq("_id", view.channelId()), mapper.toDocument(view.channelId(), view),
                new ReplaceOptions().upsert(true));
    }

    Optional<ChannelView> find(String channelId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", channelId)).first())
                .map(document -> mapper.fromDocument(document, ChannelView.class));
    }

    List<ChannelView> all() {
        List<ChannelView> all = new ArrayList<>();
        collection.find().forEach(document -> all.add(mapper.fromDocument(document, ChannelView.class)));
        all.sort(Comparator.comparing(ChannelView::name, String.CASE_INSENSITIVE_ORDER));
        return all;
    }

    void deleteAll() {
        ReadModelCollections.deleteAll(collection);
    }
}
