package newsroom.api.people;

import newsroom.api.web.ProblemException;
import newsroom.api.web.Problems;
import newsroom.people.ApiTokenRuleViolation;
import newsroom.people.UserRule;
import newsroom.people.UserRuleViolation;
import org.springframework.http.ProblemDetail;

/**
 * An account or API token command refused by a named rule about its state ({@link UserRule} or
 * {@code ApiTokenRule} without a field), e.g. {@code CannotDisableYourself}. Answered 409 like a refused story command; nothing changes.
 */
class AccountRuleViolated extends ProblemException {

    private final String ruleName;
    private final String ruleDescription;

    AccountRuleViolated(UserRuleViolation violation) {
        this(violation.rule().ruleName(), violation.rule().description(), violation.getMessage());
    }

    AccountRuleViolated(ApiTokenRuleViolation violation) {
        this(violation.rule().ruleName(), violation.rule().description(), violation.getMessage());
    }

    private AccountRuleViolated(String ruleName, String ruleDescription, String message) {
        super(message);
        this.ruleName = ruleName;
        this.ruleDescription = ruleDescription;
    }

    @Override
    public ProblemDetail problem() {
        return Problems.ruleViolation(ruleName, ruleDescription, getMessage());
    }
}
