package newsroom.story;

/** The story was given to a writer. */
public record StoryAssignedEvent(String storyId, String assignee, String assignedBy) implements StoryEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
