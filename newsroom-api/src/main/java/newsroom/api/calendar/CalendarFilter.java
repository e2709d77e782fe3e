package newsroom.api.calendar;

import java.util.Set;

import newsroom.story.Audience;

/**
 * Optional calendar filters; empty sets and nulls match everything. {@code sourceStoryId} keeps a story
 * and the stories derived from it.
 */
public record CalendarFilter(Set<String> channels, String desk, String campaign, Set<CalendarStatus> statuses,
                             Audience audience, String sourceStoryId) {

    public static final CalendarFilter NONE = new CalendarFilter(Set.of(), null, null, Set.of(), null, null);

    public CalendarFilter {
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    boolean matches(CalendarEntry entry) {
        return (channels.isEmpty() || channels.contains(entry.channelId()))
                && (desk == null || desk.equals(entry.desk()))
                && (campaign == null || campaign.equals(entry.campaign()))
                && (statuses.isEmpty() || statuses.contains(entry.status()))
                && (audience == null || audience == entry.audience())
                && (sourceStoryId == null || sourceStoryId.equals(entry.storyId())
                        || sourceStoryId.equals(entry.sourceStoryId()));
    }
}
