package newsroom.channel;

/** A channel got a new name; placements planned before keep the name they were planned with. */
public record ChannelRenamedEvent(String channelId, String previousName, String name, String renamedBy) {
}
