package newsroom.story;

/** An approver sent the story back to work; its approvals lapse. */
public record ChangesRequestedEvent(String storyId, String requestedBy, String comment, long contentVersion) implements StoryEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
