package newsroom.api.channel;

import java.util.List;
import java.util.Optional;

import newsroom.channel.Channel;
import newsroom.channel.ChannelKind;
import org.springframework.stereotype.Component;

/**
 * The channels a newsroom places stories on. A fixed catalogue for now; the admin issue will make it
 * editable (it is read through this one class so that change stays local).
 */
@Component
public class ChannelCatalogue {

    private final List<Channel> channels = List.of(
            new Channel("press-release", "Press release", ChannelKind.PRESS_RELEASE),
            new Channel("corporate-blog", "Corporate blog", ChannelKind.BLOG),
            new Channel("newsletter", "Newsletter", ChannelKind.NEWSLETTER),
            new Channel("intranet", "Intranet", ChannelKind.INTRANET),
            new Channel("linkedin", "LinkedIn", ChannelKind.SOCIAL),
            new Channel("x", "X", ChannelKind.SOCIAL),
            new Channel("instagram", "Instagram", ChannelKind.SOCIAL),
            new Channel("facebook", "Facebook", ChannelKind.SOCIAL),
            new Channel("youtube", "YouTube", ChannelKind.VIDEO),
            new Channel("livestream", "Livestream", ChannelKind.VIDEO),
            new Channel("podcast", "Podcast", ChannelKind.PODCAST),
            new Channel("event", "Event", ChannelKind.EVENT));

    public List<Channel> all() {
        return channels;
    }

    public Optional<Channel> find(String channelId) {
        return channels.stream().filter(channel -> channel.id().equals(channelId)).findFirst();
    }
}
