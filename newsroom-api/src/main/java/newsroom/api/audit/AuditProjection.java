package newsroom.api.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import newsroom.api.axon.MessageMetadata;
import newsroom.api.projection.ProjectionBatch;
import newsroom.api.storage.MongoEventStorageEngine;
import newsroom.api.story.StoryView;
import newsroom.api.story.StoryViewUpdater;
import newsroom.calendar.BlackoutPeriodDefinedEvent;
import newsroom.campaign.CampaignDefinedEvent;
import newsroom.story.PlacementEvent;
import newsroom.story.StoryEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

/**
 * Keeps the audit read model: every event of the store, of every type, as an {@link AuditEntry} filed
 * under the person, story, channels, campaign and action it concerns (per month). It handles every
 * event on purpose (the one catch-all handler in Newsroom): the audit is the whole record, including
 * event types added later. Idempotent (entry ids come from the commit number and the event's place in
 * it, and a posting list ignores an id it has), rebuildable, written once per batch.
 */
@Component
@ProcessingGroup(AuditProjection.PROCESSING_GROUP)
class AuditProjection {

    static final String PROCESSING_GROUP = "audit";
    /** Entry id = commit number × this + place in the commit; a commit holds one command's few events. */
    static final int EVENTS_PER_COMMIT = 1_000;

    private final AuditRepository audit;
    private final ObjectMapper json;
    private final MongoEventStorageEngine events;

    AuditProjection(AuditRepository audit, ObjectMapper json, MongoEventStorageEngine events) {
        this.audit = audit;
        this.json = json;
        this.events = events;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        long position = positionOf(message);
        if (position < 0) {
            return; // not from the event store (a test calling the handler): nothing to order it by
        }
        Batch batch = ProjectionBatch.current(PROCESSING_GROUP, Batch::new);
        int place = placeInCommit(batch, position, message);
        if (place >= EVENTS_PER_COMMIT) {
            throw new IllegalStateException("commit " + position + " holds more than " + EVENTS_PER_COMMIT + " events");
        }
        if (batch.months == null) {
            batch.months = audit.months();
        }
        JsonNode data = json.valueToTree(payload);
        String storyId = null;
        String placementId = null;
        List<String> channels = new ArrayList<>();
        String campaign = null;
        if (payload instanceof StoryEvent event && message instanceof DomainEventMessage<?> domain) {
            storyId = event.storyId();
            StoryView story = batch.stories.containsKey(storyId) ? batch.stories.get(storyId)
                    : audit.story(storyId).orElse(null);
            long versionBefore = story == null ? -1 : story.version;
            story = StoryViewUpdater.apply(story, event, domain.getSequenceNumber(), domain.getTimestamp());
            batch.stories.put(storyId, story);
            if (story != null && story.version != versionBefore) {
                batch.changedStories.put(storyId, story);
            }
            if (story != null) {
                campaign = story.campaign;
                if (payload instanceof PlacementEvent placementEvent) {
                    placementId = placementEvent.placementId();
                    StoryView.PlacementView placement = story.placement(placementId);
                    if (placement != null) {
                        channels.add(placement.channelId);
                    }
                }
            }
        } else if (payload instanceof CampaignDefinedEvent defined) {
            campaign = defined.campaignId();
        } else if (payload instanceof BlackoutPeriodDefinedEvent defined) {
            channels.addAll(new TreeSet<>(defined.channelIds()));
        }
        AuditEntry entry = new AuditEntry(position * EVENTS_PER_COMMIT + place, position, message.getTimestamp(),
                (String) message.getMetaData().get(MessageMetadata.USERNAME),
                message.getPayloadType().getSimpleName().replaceFirst("Event$", ""),
                message instanceof DomainEventMessage<?> domain ? domain.getType() : null,
                message instanceof DomainEventMessage<?> domain && domain.getType() != null
                        ? domain.getAggregateIdentifier() : null,
                message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0,
                storyId, placementId, channels, campaign,
                (String) message.getMetaData().get(MessageMetadata.CORRELATION_ID), reasonOf(data), data);
        batch.file(entry, data.toString(), audit);
        if (ProjectionBatch.atLastEvent()) {
            audit.write(batch.entries, batch.postings, batch.months, batch.changedStories.values());
        }
    }

    /**
     * The event's place among its commit's events, which makes its entry id. Every commit of a batch starts at
     * its first event except perhaps the batch's first one: the events of a commit reach the processor one by
     * one, and a batch may end before a commit's last event has arrived, so the next batch starts inside that
     * commit. Where the batch starts is therefore looked up in the commit (one exact read per batch); counting
     * from zero there gave a later event the first one's id, and its entry overwrote the first one's.
     */
    private int placeInCommit(Batch batch, long position, EventMessage<?> message) {
        Integer next = batch.placesInCommit.get(position);
        int place;
        if (next != null) {
            place = next;
        } else if (batch.placesInCommit.isEmpty()) {
            place = events.placeInCommit(position, message.getIdentifier());
            if (place < 0) {
                throw new IllegalStateException("event " + message.getIdentifier() + " is not in commit " + position);
            }
        } else {
            place = 0;
        }
        batch.placesInCommit.put(position, place + 1);
        return place;
    }

    @ResetHandler
    void reset() {
        audit.deleteAll();
    }

    /** The reason given, whatever the event calls it: declines, kills, cancellations, quiet periods, overrides. */
    private static String reasonOf(JsonNode data) {
        for (String field : List.of("reason", "comment")) {
            if (data.path(field).isTextual()) {
                return data.path(field).asText();
            }
        }
        return null;
    }

    private static long positionOf(EventMessage<?> message) {
        if (message instanceof TrackedEventMessage<?> tracked) {
            TrackingToken token = tracked.trackingToken();
            return token == null ? -1 : token.position().orElse(-1);
        }
        return -1;
    }

    /** What one batch of events changed: loaded once, written once. */
    private static final class Batch {
        private final Map<Long, Integer> placesInCommit = new HashMap<>();
        private final Map<String, StoryView> stories = new HashMap<>();
        private final Map<String, StoryView> changedStories = new LinkedHashMap<>();
        private final List<org.bson.Document> entries = new ArrayList<>();
        private final Map<String, PostingList> postings = new HashMap<>();
        private TreeSet<String> months;

        void file(AuditEntry entry, String data, AuditRepository audit) {
            entries.add(AuditRepository.toDocument(entry, data));
            String month = AuditKey.monthOf(entry.at());
            months.add(month);
            List<String> keys = new ArrayList<>();
            keys.add(AuditKey.allPosting(month));
            addKey(keys, AuditKey.PERSON, entry.by(), month);
            addKey(keys, AuditKey.STORY, entry.storyId(), month);
            entry.channels().forEach(channel -> addKey(keys, AuditKey.CHANNEL, channel, month));
            addKey(keys, AuditKey.CAMPAIGN, entry.campaign(), month);
            addKey(keys, AuditKey.ACTION, entry.action(), month);
            List<String> missing = keys.stream().filter(key -> !postings.containsKey(key)).toList();
            Map<String, PostingList> loaded = audit.postings(missing);
            for (String key : missing) {
                postings.put(key, loaded.getOrDefault(key, new PostingList()));
            }
            long time = entry.at().toEpochMilli();
            keys.forEach(key -> postings.get(key).add(entry.entryId(), time));
        }

        private static void addKey(List<String> keys, AuditKey key, String value, String month) {
            if (value != null && !value.isEmpty()) {
                keys.add(key.posting(value, month));
            }
        }
    }
}
