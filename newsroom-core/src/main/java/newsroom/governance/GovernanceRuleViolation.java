package newsroom.governance;

/** A governance command refused because it would break a named {@link GovernanceRule}. Nothing is applied. */
public class GovernanceRuleViolation extends RuntimeException {

    private final GovernanceRule rule;

    public GovernanceRuleViolation(GovernanceRule rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public GovernanceRule rule() {
        return rule;
    }

    static void check(boolean holds, GovernanceRule rule, String detail) {
        if (!holds) {
            throw new GovernanceRuleViolation(rule, detail);
        }
    }
}
