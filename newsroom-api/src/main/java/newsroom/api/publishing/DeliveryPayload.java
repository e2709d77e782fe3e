package newsroom.api.publishing;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import newsroom.api.story.StoryView;
import newsroom.people.Actor;
import newsroom.story.PlacementPublishedEvent;

/**
 * The JSON document a channel's system receives when a placement is published; its schema is
 * {@code docs/webhook-payload.schema.json}. Built once per delivery from the story as it was published (see
 * {@link PublishedStories}) and stored, so every attempt and every redelivery sends the same bytes under the same
 * {@code idempotencyKey}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DeliveryPayload(String type, String idempotencyKey, Instant publishedAt, Publisher publishedBy, boolean late,
                       Story story, Placement placement, List<Approval> approvals) {

    static final String TYPE = "placement.published";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    record Publisher(String username, boolean automatic) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Story(String storyId, String title, String angle, String body, String desk, String campaign,
                 String audience, String priority) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Placement(String placementId, String channelId, String channelName, Instant slot, Instant missedSlot,
                     String text) {
    }

    record Approval(String step, String approvedBy, long contentVersion) {
    }

    static DeliveryPayload of(String deliveryId, PlacementPublishedEvent published, StoryView story) {
        StoryView.PlacementView placement = story.placement(published.placementId());
        return new DeliveryPayload(TYPE, deliveryId, published.publishedAt(),
                new Publisher(published.publishedBy(), Actor.SCHEDULER.equals(published.publishedBy())),
                published.missedSlot() != null,
                new Story(story.storyId, story.title, story.angle, story.body, story.desk, story.campaign,
                        story.audience == null ? null : story.audience.name(),
                        story.priority == null ? null : story.priority.name()),
                new Placement(published.placementId(), published.channelId(),
                        placement == null ? null : placement.channelName, placement == null ? null : placement.slot,
                        published.missedSlot(), placement == null ? null : placement.text),
                published.approvals().stream().map(approval -> new Approval(approval.step(), approval.approvedBy(),
                        approval.contentVersion())).toList());
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A delivery payload is plain data and always serializable", e);
        }
    }
}
