package newsroom.api.story;

import newsroom.api.web.VersionConflict;

/**
 * The story changed since the client read it (If-Match), or another command on it won the race.
 * Answered 409 with the current version, so the client can reload and decide again; nothing is
 * overwritten.
 */
public class StoryVersionConflict extends VersionConflict {

    public StoryVersionConflict(String storyId, Long currentVersion, String detail) {
        super("The story has changed", "storyId", storyId, currentVersion, detail);
    }
}
