package newsroom.channel;

import java.time.Duration;

/**
 * What an admin sets on a channel besides its name.
 *
 * @param approvalPolicyId the approval policy its placements need; null for the default policy
 * @param minimumGap       the least time between two placements on it before the calendar flags a collision
 */
public record ChannelSettings(ChannelKind kind, String colour, String approvalPolicyId, Duration minimumGap) {
}
