package newsroom.crisis;

/** A crisis-mode command refused because it would break a named {@link CrisisRule}. Nothing is applied. */
public class CrisisRuleViolation extends RuntimeException {

    private final CrisisRule rule;

    public CrisisRuleViolation(CrisisRule rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public CrisisRule rule() {
        return rule;
    }
}
