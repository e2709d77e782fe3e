package newsroom.channel;

import java.util.Objects;

/** A channel of the newsroom, e.g. {@code linkedin} of kind {@link ChannelKind#SOCIAL}. */
public record Channel(String id, String name, ChannelKind kind) {

    public Channel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
