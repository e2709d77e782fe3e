package newsroom.story;

import java.time.Instant;
import java.util.Objects;

/**
 * The editable content of a story. Every edit replaces the whole content, so each event carries the
 * complete state a projection needs.
 *
 * @param embargo       the earliest moment the story may go public; null for none
 * @param campaign      the campaign id the story serves; null for none yet
 * @param sourceStoryId the story this one is derived from (a clip of a livestream); null for none
 */
public record StoryContent(String title, String angle, String body, String desk, Audience audience,
                           String campaign, Priority priority, Instant embargo, String sourceStoryId) {

    public StoryContent {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(desk, "desk");
        audience = audience == null ? Audience.B2B : audience;
        priority = priority == null ? Priority.NORMAL : priority;
    }

    public boolean isEmbargoedAt(Instant moment) {
        return embargo != null && moment.isBefore(embargo);
    }
}
