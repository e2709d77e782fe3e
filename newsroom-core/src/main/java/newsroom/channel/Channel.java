package newsroom.channel;

import java.util.Objects;

/**
 * A channel of the newsroom, e.g. {@code linkedin} of kind {@link ChannelKind#SOCIAL}. A retired channel keeps its
 * history readable and takes no new placements.
 */
public record Channel(String id, String name, ChannelKind kind, boolean retired) {

    public Channel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    /** A channel in service. */
    public Channel(String id, String name, ChannelKind kind) {
        this(id, name, kind, false);
    }
}
