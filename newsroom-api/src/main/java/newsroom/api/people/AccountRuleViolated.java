package newsroom.api.people;

import newsroom.api.web.ProblemException;
import newsroom.api.web.Problems;
import newsroom.people.UserRule;
import newsroom.people.UserRuleViolation;
import org.springframework.http.ProblemDetail;

/**
 * An account command refused by a named rule about the account's state ({@link UserRule} without a field), e.g.
 * {@code CannotDisableYourself}. Answered 409 like a refused story command; nothing changes.
 */
class AccountRuleViolated extends ProblemException {

    private final UserRule rule;

    AccountRuleViolated(UserRuleViolation violation) {
        super(violation.getMessage());
        this.rule = violation.rule();
    }

    @Override
    public ProblemDetail problem() {
        return Problems.ruleViolation(rule.ruleName(), rule.description(), getMessage());
    }
}
