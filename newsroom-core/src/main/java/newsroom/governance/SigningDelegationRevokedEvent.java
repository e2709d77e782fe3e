package newsroom.governance;

import java.time.Instant;

/** A delegation was ended before its period was over. */
public record SigningDelegationRevokedEvent(String delegationId, String revokedBy, Instant revokedAt) {
}
