package newsroom.api.people;

import java.time.Instant;

/**
 * One personal API token in the {@code api_tokens} read model, as stored: never its secret. {@code version} is the
 * sequence number of the last event applied.
 */
record ApiTokenView(String tokenId, String owner, String name, Instant createdAt, Instant expiresAt, String createdBy,
                    boolean revoked, Instant revokedAt, String revokedBy, long version) {

    ApiTokenView revoked(Instant at, String by, long newVersion) {
        return new ApiTokenView(tokenId, owner, name, createdAt, expiresAt, createdBy, true, at, by, newVersion);
    }

    boolean signsInAt(Instant now) {
        return !revoked && now.isBefore(expiresAt);
    }
}
