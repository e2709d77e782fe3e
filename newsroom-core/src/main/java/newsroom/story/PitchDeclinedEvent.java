package newsroom.story;

/** A pitch was declined; the story is closed. */
public record PitchDeclinedEvent(String storyId, String declinedBy, String reason) {
}
