package newsroom.api.people;

import java.util.List;

import newsroom.api.web.FieldError;
import newsroom.api.web.ProblemException;
import newsroom.api.web.Problems;
import newsroom.people.ApiTokenRuleViolation;
import newsroom.people.PasswordRule;
import newsroom.people.UserRule;
import newsroom.people.UserRuleViolation;
import org.springframework.http.ProblemDetail;

/**
 * A field of an account request breaks a named rule of the domain: an account rule about a field
 * ({@link UserRule#field()}, e.g. {@code UsernameFormat}), a {@link PasswordRule} or an API token rule about a field
 * (e.g. {@code TokenExpiryInThePast}). Answered 400 naming the field
 * and the rule, like any other bad input; nothing changes.
 */
class AccountInputRefused extends ProblemException {

    private final FieldError error;

    private AccountInputRefused(String field, String ruleName, String message) {
        super(message);
        this.error = new FieldError(field, ruleName, message);
    }

    static AccountInputRefused of(UserRuleViolation violation) {
        return new AccountInputRefused(violation.rule().field(), violation.rule().ruleName(), violation.getMessage());
    }

    static AccountInputRefused of(ApiTokenRuleViolation violation) {
        return new AccountInputRefused(violation.rule().field(), violation.rule().ruleName(), violation.getMessage());
    }

    static AccountInputRefused of(String field, PasswordRule rule) {
        return new AccountInputRefused(field, rule.ruleName(), rule.description());
    }

    @Override
    public ProblemDetail problem() {
        return Problems.invalid(List.of(error));
    }
}
