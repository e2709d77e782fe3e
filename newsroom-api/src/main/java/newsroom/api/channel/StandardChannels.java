package newsroom.api.channel;

import java.util.List;

import newsroom.channel.Channel;
import newsroom.channel.ChannelKind;

/** The channels of the first release, which seed the channels on first start, with the dashboard's colours. */
public final class StandardChannels {

    /** One channel to seed; a null policy means the default approval policy. */
    public record SeedChannel(String id, String name, ChannelKind kind, String colour, String approvalPolicyId) {

        public Channel channel() {
            return new Channel(id, name, kind);
        }
    }

    public static final List<SeedChannel> ALL = List.of(
            new SeedChannel("press-release", "Press release", ChannelKind.PRESS_RELEASE, "#1f4e79", "press-release"),
            new SeedChannel("corporate-blog", "Corporate blog", ChannelKind.BLOG, "#2e7d32", null),
            new SeedChannel("newsletter", "Newsletter", ChannelKind.NEWSLETTER, "#6a1b9a", null),
            new SeedChannel("intranet", "Intranet", ChannelKind.INTRANET, "#795548", null),
            new SeedChannel("linkedin", "LinkedIn", ChannelKind.SOCIAL, "#0a66c2", null),
            new SeedChannel("x", "X", ChannelKind.SOCIAL, "#222222", null),
            new SeedChannel("instagram", "Instagram", ChannelKind.SOCIAL, "#c2185b", null),
            new SeedChannel("facebook", "Facebook", ChannelKind.SOCIAL, "#3b5998", null),
            new SeedChannel("youtube", "YouTube", ChannelKind.VIDEO, "#c62828", null),
            new SeedChannel("livestream", "Livestream", ChannelKind.VIDEO, "#e65100", null),
            new SeedChannel("podcast", "Podcast", ChannelKind.PODCAST, "#00796b", null),
            new SeedChannel("event", "Event", ChannelKind.EVENT, "#5d4037", null));

    private StandardChannels() {
    }
}
