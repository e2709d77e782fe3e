package newsroom.audit;

import java.time.Instant;

/**
 * Someone read or exported the audit trail: the audit records its own readers.
 *
 * @param view    what was read ({@code events}, {@code publications}, {@code verify}, {@code checkpoint})
 * @param query   the search as asked (its query string, empty for none)
 * @param format  {@code json} for the paged answer, {@code csv} or {@code json-export} for a download
 * @param results how many entries the answer held
 */
public record AuditTrailReadEvent(String readBy, Instant readAt, String view, String query, String format,
                                  long results) {
}
