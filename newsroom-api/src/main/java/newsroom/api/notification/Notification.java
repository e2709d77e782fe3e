package newsroom.api.notification;

import java.time.Instant;

/**
 * A personal notification, as stored and as sent to its reader.
 *
 * @param position    the global position of the event that caused it
 * @param storyTitle  the story's title when the event happened
 * @param addressedTo {@code user:<username>} when it was addressed to the reader personally,
 *                    {@code role:<ROLE>} when to everyone holding a role (approval requests go to
 *                    {@code role:GOVERNANCE_LEAD})
 */
public record Notification(String notificationId, long position, Kind kind, String storyId, String storyTitle,
                           String by, Instant at, String text, String addressedTo) {

    public enum Kind { ASSIGNED, APPROVAL_REQUESTED, SENT_BACK, MENTIONED, DELIVERY_FAILED, PUBLICATION_HELD }
}
