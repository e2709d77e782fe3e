package newsroom.api.publishing;

import java.time.Instant;

/**
 * A channel's publishing settings: where its outgoing webhook goes (none when {@code url} is null) and what a
 * missed slot does. The secret is only ever in memory here; {@link #toString()} leaves it out.
 */
record Connector(String channelId, String url, String secret, MissedSlot missedSlot, String updatedBy,
                 Instant updatedAt) {

    /** A channel nobody configured: nothing is delivered, and a missed slot is held for an editor. */
    static Connector none(String channelId) {
        return new Connector(channelId, null, null, MissedSlot.HOLD, null, null);
    }

    boolean delivers() {
        return url != null && secret != null;
    }

    @Override
    public String toString() {
        return "Connector[" + channelId + " -> " + url + ", missedSlot=" + missedSlot + "]";
    }
}
