package newsroom.api.channel;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import newsroom.api.storage.DocumentMapper;
import newsroom.api.storage.MongoStore;
import newsroom.channel.Channel;
import org.springframework.stereotype.Component;

/**
 * The channels a newsroom places stories on, as admins keep them (the {@code channels} read model). Everything
 * that needs a channel reads it through this one class.
 */
@Component
public class ChannelCatalogue {

    private final ChannelRepository channels;

    ChannelCatalogue(ChannelRepository channels) {
        this.channels = channels;
    }

    /** A catalogue over the store's channels read model, for tools that run without the Spring context. */
    public static ChannelCatalogue over(MongoStore store, DocumentMapper mapper) {
        return new ChannelCatalogue(new ChannelRepository(store, mapper));
    }

    /** The channels in service. */
    public List<Channel> all() {
        return channels.all().stream().filter(view -> !view.retired()).map(ChannelView::channel).toList();
    }

    /** Any channel, retired ones included (a retired one is refused for new placements by the story's rule). */
    public Optional<Channel> find(String channelId) {
        return channels.find(channelId).map(ChannelView::channel);
    }

    /** The approval policy of a channel; empty for the default policy or an unknown channel. */
    public Optional<String> approvalPolicyOf(String channelId) {
        return channels.find(channelId).map(ChannelView::approvalPolicyId);
    }

    /** Each channel's minimum gap between placements, as set on the channel. */
    public Map<String, Duration> minimumGaps() {
        return channels.all().stream().collect(Collectors.toMap(ChannelView::channelId,
                view -> Duration.ofMinutes(view.minimumGapMinutes())));
    }
}
