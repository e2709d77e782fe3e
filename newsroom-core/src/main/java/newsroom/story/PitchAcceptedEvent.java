package newsroom.story;

/** A pitch was accepted into work. */
public record PitchAcceptedEvent(String storyId, String acceptedBy, String assignee) {
}
