package newsroom.story;

/** The story's content was replaced; contentVersion counts content changes. */
public record DraftEditedEvent(String storyId, StoryContent content, String editedBy, long contentVersion) implements StoryEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
