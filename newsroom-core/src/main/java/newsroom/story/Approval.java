package newsroom.story;

/** One granted approval step, for the content version it was given on. */
public record Approval(String step, String approvedBy, long contentVersion) {
}
