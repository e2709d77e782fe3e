package newsroom.story;

/** A pitch was accepted into work. */
public record PitchAcceptedEvent(String storyId, String acceptedBy, String assignee) implements StoryEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
