package newsroom.channel;

/** A channel was added. */
public record ChannelAddedEvent(String channelId, String name, ChannelSettings settings, String addedBy) {
}
