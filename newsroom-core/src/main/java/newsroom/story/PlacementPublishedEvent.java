package newsroom.story;

import java.time.Instant;
import java.util.List;

/**
 * A placement went out, with the approvals it went out under.
 *
 * @param missedSlot the slot it missed when it went out late (added with automatic publication; events stored
 *                   before have none and were not late)
 */
public record PlacementPublishedEvent(String storyId, String placementId, String channelId, String publishedBy,
                                      Instant publishedAt, long contentVersion, List<Approval> approvals,
                                      Instant missedSlot) implements PlacementEvent {

    public PlacementPublishedEvent(String storyId, String placementId, String channelId, String publishedBy,
                                   Instant publishedAt, long contentVersion, List<Approval> approvals) {
        this(storyId, placementId, channelId, publishedBy, publishedAt, contentVersion, approvals, null);
    }

    public boolean late() {
        return missedSlot != null;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
