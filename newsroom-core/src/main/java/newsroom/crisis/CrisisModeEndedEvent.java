package newsroom.crisis;

import java.time.Instant;

/** The crisis is over; {@code decision} says what happens to the placements it paused. */
public record CrisisModeEndedEvent(String crisisId, String reason, PausedPlacementsDecision decision, String endedBy,
                                   Instant endedAt) {
}
