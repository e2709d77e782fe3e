package newsroom.api.notification;

import java.util.Collection;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import newsroom.api.storage.DocumentMapper;
import newsroom.api.storage.MongoStore;
import newsroom.api.storage.ReadModelCollections;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * What the notifications projection knows of each story, folded from the story's own events
 * ({@code notification_stories}): who to tell and what to call the story at each point of the stream,
 * so a rebuild addresses and titles every notification exactly as it was when it happened.
 */
@Repository
class NotificationStories {

    /**
     * @param version the sequence number of the last event folded in
     */
    record StoryFacts(String storyId, long version, String title, String pitchedBy, String assignee) {
    }

    private final MongoCollection<Document> stories;
    private final DocumentMapper mapper;

    NotificationStories(MongoStore store, DocumentMapper mapper) {
        this.stories = store.database().getCollection("notification_stories");
        this.mapper = mapper;
    }

    Optional<StoryFacts> find(String storyId) {
        return Optional.ofNullable(stories.find(Filters.eq("_id", storyId)).first())
                .map(document -> mapper.fromDocument(document, StoryFacts.class));
    }

    void write(Collection<StoryFacts> changed) {
        if (!changed.isEmpty()) {
            stories.bulkWrite(changed.stream().map(facts -> new ReplaceOneModel<>(Filters.eq("_id", facts.storyId()),
                    mapper.toDocument(facts.storyId(), facts), new ReplaceOptions().upsert(true))).toList());
        }
    }

    void deleteAll() {
        ReadModelCollections.deleteAll(stories);
    }
}
