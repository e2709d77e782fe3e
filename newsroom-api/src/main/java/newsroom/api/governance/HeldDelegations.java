package newsroom.api.governance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import newsroom.api.people.UserDirectory;
import newsroom.governance.Delegation;
import newsroom.people.Actor;
import org.springframework.stereotype.Component;

/**
 * The facts the domain needs to decide whether someone signs on a lead's behalf: the delegations naming them, and
 * each delegator's account as it stands now. Whether a delegation is in force (its period, the lead still signing
 * for the group) is the domain's decision ({@link Delegation#inForceAt}).
 */
@Component
public class HeldDelegations {

    private final DelegationRepository delegations;
    private final UserDirectory directory;

    HeldDelegations(DelegationRepository delegations, UserDirectory directory) {
        this.delegations = delegations;
        this.directory = directory;
    }

    /**
     * @param delegations the delegations naming the person as delegate, not revoked
     * @param delegators  their delegators' accounts now; a disabled or unknown account is absent
     */
    public record Held(List<Delegation> delegations, Map<String, Actor> delegators) {

        public static final Held NONE = new Held(List.of(), Map.of());
    }

    public Held by(String username) {
        List<Delegation> held = delegations.heldBy(username);
        if (held.isEmpty()) {
            return Held.NONE;
        }
        Map<String, Actor> delegators = new HashMap<>();
        held.forEach(delegation -> directory.enabledActor(delegation.delegator())
                .ifPresent(lead -> delegators.put(lead.username(), lead)));
        return new Held(held, delegators);
    }
}
