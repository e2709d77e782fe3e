package newsroom.story;

import java.util.Set;

/** The story went to review; requiredSteps are the approvals its channels need. */
public record StorySubmittedEvent(String storyId, String submittedBy, long contentVersion, Set<String> requiredSteps) {
}
