package newsroom.api.channel;

import newsroom.channel.Channel;
import newsroom.channel.ChannelKind;

/**
 * A channel as the {@code channels} read model keeps it.
 *
 * @param approvalPolicyId  the policy its placements need; null for the default policy
 * @param minimumGapMinutes the least time between two placements on it before the calendar flags a collision
 * @param sequence          the aggregate sequence number of the last applied event
 */
public record ChannelView(String channelId, String name, ChannelKind kind, String colour, String approvalPolicyId,
                          long minimumGapMinutes, boolean retired, String retiredReason, long sequence) {

    public Channel channel() {
        return new Channel(channelId, name, kind, retired);
    }
}
