package newsroom.people;

/** A personal API token was revoked and no longer signs anyone in. */
public record ApiTokenRevokedEvent(String tokenId, String owner, String revokedBy) {
}
