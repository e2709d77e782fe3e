package newsroom.story;

/** The story was given to a writer. */
public record StoryAssignedEvent(String storyId, String assignee, String assignedBy) {
}
