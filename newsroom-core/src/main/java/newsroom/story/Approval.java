package newsroom.story;

import java.util.Set;

/**
 * One granted approval signature, for the content version it was given on.
 *
 * @param onBehalfOf the governance lead a delegate signed for; null when the approver signed for themself
 */
public record Approval(String step, String approvedBy, long contentVersion, String onBehalfOf) {

    /** A signature the approver gave for themself. */
    public Approval(String step, String approvedBy, long contentVersion) {
        this(step, approvedBy, contentVersion, null);
    }

    /** Whose signature this is: the approver's, and a delegate's also the lead's it was given for. */
    public Set<String> signers() {
        return onBehalfOf == null ? Set.of(approvedBy) : Set.of(approvedBy, onBehalfOf);
    }
}
