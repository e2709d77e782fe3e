package newsroom.story;

/** Which version of which approval policy. */
public record PolicyVersion(String policyId, long version) {
}
