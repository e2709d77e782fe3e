package newsroom.api.push;

import java.util.List;

/** Who is looking at or editing a story right now. */
public record Presence(String storyId, List<Person> people) {

    public enum Mode { VIEWING, EDITING, LEFT }

    public record Person(String username, Mode mode) {
    }
}
