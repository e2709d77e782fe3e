package newsroom.governance;

import java.time.Instant;
import java.util.Objects;

import newsroom.people.Action;
import newsroom.people.Actor;

/**
 * A governance lead's signing, delegated for a period to another member of the same group: while it lasts the
 * delegate may sign that group's approval steps on the lead's behalf (without holding the governance lead role),
 * and the approval records on whose behalf.
 */
public record Delegation(String delegationId, String delegator, String delegate, String group, Instant from,
                         Instant until) {

    public Delegation {
        Objects.requireNonNull(delegationId, "delegationId");
        Objects.requireNonNull(delegator, "delegator");
        Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
    }

    /** Its period covers this moment: from inclusive, until exclusive. */
    public boolean coversAt(Instant moment) {
        return !moment.isBefore(from) && moment.isBefore(until);
    }

    /**
     * In force at this moment: its period covers it, and its lead may still sign for the group. A lead who was
     * disabled, lost the governance lead role or left the group no longer has the authority they delegated.
     *
     * @param delegatorNow the delegator's account as it stands now; null if it is disabled or unknown
     */
    public boolean inForceAt(Instant moment, Actor delegatorNow) {
        return coversAt(moment) && delegatorNow != null && delegatorNow.username().equals(delegator)
                && delegatorNow.may(Action.APPROVE) && delegatorNow.belongsTo(group);
    }
}
