package newsroom.api.crisis;

import java.time.Instant;

import newsroom.crisis.PausedPlacementsDecision;

/**
 * One crisis as the {@code crisis} read model keeps it and the API answers it: who switched it on and why, and
 * once it is over who ended it, why, and what was decided for the paused placements.
 *
 * @param version the crisis switch's aggregate version after this crisis's last event (for read-your-writes)
 */
public record CrisisView(String crisisId, String reason, String switchedOnBy, Instant switchedOnAt, String endedBy,
                         Instant endedAt, String endReason, PausedPlacementsDecision decision, long version) {

    public boolean active() {
        return endedAt == null && endedBy == null;
    }
}
