package newsroom.people;

import java.time.Instant;

/** A personal API token for {@code owner} was created (never its secret). */
public record ApiTokenCreatedEvent(String tokenId, String owner, String name, Instant createdAt, Instant expiresAt,
                                   String createdBy) {
}
