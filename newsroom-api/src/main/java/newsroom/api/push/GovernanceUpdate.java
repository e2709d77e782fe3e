package newsroom.api.push;

import java.time.Instant;

/**
 * What every dashboard receives on {@code /topic/governance} when crisis mode is switched on or ended, or a quiet
 * period is defined or lifted: enough to show it at once (the event itself), and a cue to reload
 * {@code GET /api/crisis} or {@code GET /api/blackouts}.
 *
 * @param type  the event name: {@code CrisisModeSwitchedOn}, {@code CrisisModeEnded}, {@code BlackoutPeriodDefined},
 *              {@code BlackoutPeriodLifted}
 * @param event the event's fields, as stored
 */
public record GovernanceUpdate(long position, String type, Instant at, String by, Object event) {
}
