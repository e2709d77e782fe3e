package newsroom.people;

/** A personal API token command refused because it would break a named {@link ApiTokenRule}. Nothing is applied. */
public class ApiTokenRuleViolation extends RuntimeException {

    private final ApiTokenRule rule;

    public ApiTokenRuleViolation(ApiTokenRule rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public ApiTokenRule rule() {
        return rule;
    }
}
