package newsroom.people;

/** A user-account command refused because it would break a named {@link UserRule}. Nothing is applied. */
public class UserRuleViolation extends RuntimeException {

    private final UserRule rule;

    public UserRuleViolation(UserRule rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public UserRule rule() {
        return rule;
    }
}
