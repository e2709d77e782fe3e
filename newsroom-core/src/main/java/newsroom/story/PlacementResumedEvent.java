package newsroom.story;

import java.time.Instant;

/**
 * A paused placement goes out at its slot again (resumed as it was, or after it was rescheduled).
 * {@code resumedAt} is null when a reschedule resumed it: that command carries no time (the event's timestamp says when).
 */
public record PlacementResumedEvent(String storyId, String placementId, String reason, String resumedBy,
                                    Instant resumedAt) implements PlacementEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
