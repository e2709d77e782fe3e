package newsroom.channel;

/** A channel's kind, colour, approval policy or minimum gap changed; {@code settings} is the whole new set. */
public record ChannelSettingsChangedEvent(String channelId, ChannelSettings previous, ChannelSettings settings,
                                          String changedBy) {
}
