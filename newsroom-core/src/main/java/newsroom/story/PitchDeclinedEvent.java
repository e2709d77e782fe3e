package newsroom.story;

/** A pitch was declined; the story is closed. */
public record PitchDeclinedEvent(String storyId, String declinedBy, String reason) implements StoryEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
