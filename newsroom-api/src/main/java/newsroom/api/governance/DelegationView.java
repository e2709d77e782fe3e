package newsroom.api.governance;

import java.time.Instant;

import newsroom.governance.Delegation;

/**
 * A signing delegation as the API shows it, in the inboxes of both people it names.
 *
 * @param sequence the aggregate sequence number of the last applied event
 */
public record DelegationView(String delegationId, String delegator, String delegate, String group, Instant from,
                             Instant until, Instant delegatedAt, String revokedBy, Instant revokedAt, long sequence) {

    public boolean revoked() {
        return revokedAt != null;
    }

    public Delegation delegation() {
        return new Delegation(delegationId, delegator, delegate, group, from, until);
    }
}
