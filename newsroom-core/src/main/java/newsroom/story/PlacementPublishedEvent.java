package newsroom.story;

import java.time.Instant;
import java.util.List;

/** A placement went out, with the approvals it went out under. */
public record PlacementPublishedEvent(String storyId, String placementId, String channelId, String publishedBy, Instant publishedAt, long contentVersion, List<Approval> approvals) implements PlacementEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
