package newsroom.story;

import java.time.Instant;
import java.util.Set;

import newsroom.channel.ChannelKind;

/** The story was placed on a channel. The text is content: it counts as a content change. */
public record PlacementPlannedEvent(String storyId, String placementId, String channelId, String channelName, ChannelKind channelKind, Set<String> requiredApprovalSteps, Instant slot, String text, String plannedBy, long contentVersion) implements PlacementEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
