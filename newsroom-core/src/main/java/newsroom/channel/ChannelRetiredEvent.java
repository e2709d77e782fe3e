package newsroom.channel;

/** A channel was retired: no new placements on it. */
public record ChannelRetiredEvent(String channelId, String reason, String retiredBy) {
}
