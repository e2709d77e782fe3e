package newsroom.governance;

import java.time.Instant;

/** A lead delegated signing for a group to another member for a period. */
public record SigningDelegatedEvent(String delegationId, String delegator, String delegate, String group, Instant from,
                                    Instant until, Instant delegatedAt) {

    public Delegation delegation() {
        return new Delegation(delegationId, delegator, delegate, group, from, until);
    }
}
