package newsroom.api.story;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import newsroom.api.storage.DocumentMapper;
import newsroom.api.storage.MongoStore;
import newsroom.api.storage.ReadModelCollections;
import newsroom.story.PlacementStatus;
import newsroom.story.StoryStatus;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/** The {@code stories} read model collection. */
@Repository
class StoryRepository {

    private final MongoCollection<Document> collection;
    private final DocumentMapper mapper;

    StoryRepository(MongoStore store, DocumentMapper mapper) {
        this.collection = store.database().getCollection("stories");
        this.mapper = mapper;
        collection.createIndex(Indexes.ascending("status"));
        collection.createIndex(Indexes.ascending("desk"));
        collection.createIndex(Indexes.ascending("campaign"));
    }

    Optional<StoryView> find(String storyId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", storyId)).first())
                .map(document -> mapper.fromDocument(document, StoryView.class));
    }

    List<StoryView> findAll(Collection<String> storyIds) {
        if (storyIds.isEmpty()) {
            return List.of();
        }
        return collection.find(Filters.in("_id", storyIds))
                .map(document -> mapper.fromDocument(document, StoryView.class))
                .into(new ArrayList<>());
    }

    void save(StoryView view) {
        collection.replaceOne(Filters.eq("_id", view.storyId), mapper.toDocument(view.storyId, view),
                new ReplaceOptions().upsert(true));
    }

    void deleteAll() {
        ReadModelCollections.deleteAll(collection);
    }

    /** Stories that went out: a placement published and none still planned (cancelled ones do not count). */
    private static final Bson WENT_OUT = Filters.eq("fullyPublished", true);

    /** The stories in a workflow column of the board: in that state and not gone out, latest change first. */
    List<StoryView> onBoard(StoryStatus status, int limit) {
        return find(Filters.and(Filters.eq("status", status.name()), Filters.nor(WENT_OUT)), limit);
    }

    /** The stories in one of these states that went out, latest change first. */
    List<StoryView> published(List<StoryStatus> statuses, int limit) {
        return find(Filters.and(Filters.in("status", statuses.stream().map(Enum::name).toList()), WENT_OUT), limit);
    }

    /** The ids of stories with a planned placement that is (or is not) paused; the crisis handler's work list. */
    List<String> idsWithPlannedPlacements(boolean paused) {
        Bson planned = Filters.elemMatch("placements", Filters.and(
                Filters.eq("status", PlacementStatus.PLANNED.name()), Filters.eq("paused", paused)));
        return collection.find(planned).projection(new Document("_id", 1))
                .map(document -> document.getString("_id")).into(new ArrayList<>());
    }

    List<StoryView> list(StoryStatus status, String desk, String campaign, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (status != null) {
            filters.add(Filters.eq("status", status.name()));
        }
        if (desk != null) {
            filters.add(Filters.eq("desk", desk));
        }
        if (campaign != null) {
            filters.add(Filters.eq("campaign", campaign));
        }
        return find(filters.isEmpty() ? new Document() : Filters.and(filters), limit);
    }

    private List<StoryView> find(Bson filter, int limit) {
        return collection.find(filter).sort(Sorts.descending("updatedAt")).limit(limit)
                .map(document -> mapper.fromDocument(document, StoryView.class))
                .into(new ArrayList<>());
    }
}
