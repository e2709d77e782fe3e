package newsroom.api.notification;

import java.time.Instant;

/**
 * A personal notification.
 *
 * @param position the global position of the event that caused it
 */
public record Notification(String notificationId, long position, Kind kind, String storyId, String storyTitle,
                           String by, Instant at, String text) {

    public enum Kind { ASSIGNED, APPROVAL_REQUESTED, SENT_BACK, MENTIONED }
}
