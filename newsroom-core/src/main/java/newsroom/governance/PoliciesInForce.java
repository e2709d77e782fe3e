package newsroom.governance;

import java.util.Map;
import java.util.Objects;

/**
 * The approval policies in force when a story is submitted: the current version of each channel's policy and of
 * the default one (for a channel without its own and for a story without placements). The API reads them from
 * the policies and channels read models and hands them to the story with the command, so the aggregate does no
 * I/O; the story records the versions that applied.
 */
public record PoliciesInForce(PolicyTerms defaultPolicy, Map<String, PolicyTerms> byChannel) {

    public PoliciesInForce {
        Objects.requireNonNull(defaultPolicy, "defaultPolicy");
        byChannel = byChannel == null ? Map.of() : Map.copyOf(byChannel);
    }

    public PolicyTerms forChannel(String channelId) {
        return byChannel.getOrDefault(channelId, defaultPolicy);
    }
}
