package newsroom.story;

import java.time.Instant;
import java.util.Objects;

/**
 * The newsroom-wide facts a story decision depends on besides the story and the person: for now the
 * moment it is taken (the embargo rule). Newsroom-wide switches such as crisis mode or the quiet periods
 * in force belong here, so a rule that needs them is added to {@link StoryRules} and every caller (the
 * aggregate and {@link StoryActions}) passes them the same way.
 */
public record Circumstances(Instant now) {

    public Circumstances {
        Objects.requireNonNull(now, "now");
    }

    public static Circumstances at(Instant now) {
        return new Circumstances(now);
    }
}
