package newsroom.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each password rule, with passwords that break it and passwords that keep all of them. */
class PasswordPolicyTest {

    private static PasswordRule broken(String password) {
        return PasswordPolicy.check(password, "carla", "Carla Contributor").orElse(null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"blue-river-stone-42", "correct horse battery staple", "newsroom-demo", "Tr0ub4dor&3xyz"})
    void aLongUnguessablePasswordIsAccepted(String password) {
        assertThat(PasswordPolicy.check(password, "carla", "Carla Contributor")).isEmpty();
    }

    @Test
    void aPasswordHasAtLeastTwelveCharacters() {
        assertThat(broken("x7#Kq!2vPz")).isEqualTo(PasswordRule.PASSWORD_TOO_SHORT);
        assertThat(broken("")).isEqualTo(PasswordRule.PASSWORD_TOO_SHORT);
        assertThat(broken(null)).isEqualTo(PasswordRule.PASSWORD_TOO_SHORT);
    }

    @Test
    void aPasswordFitsIntoWhatBcryptReads() {
        assertThat(broken("blue-river-stone-".repeat(5))).isEqualTo(PasswordRule.PASSWORD_TOO_LONG);
        // the euro sign takes three bytes: 24 of them are exactly the limit, 25 are too many
        assertThat(broken("€".repeat(24))).isNotEqualTo(PasswordRule.PASSWORD_TOO_LONG);
        assertThat(broken("€".repeat(25))).isEqualTo(PasswordRule.PASSWORD_TOO_LONG);
    }

    @Test
    void aPasswordIsNotTheUsername() {
        assertThat(PasswordPolicy.check("grace.hopper", "grace.hopper", "Grace")).contains(
                PasswordRule.PASSWORD_EQUALS_USERNAME);
        assertThat(PasswordPolicy.check("Grace.Hopper", "grace.hopper", "Grace")).contains(
                PasswordRule.PASSWORD_EQUALS_USERNAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "qwertyuiop123", "P@ssw0rd1234", "iloveyou12345"})
    void theMostUsedPasswordsAreRefused(String password) {
        PasswordRule rule = broken(password);
        assertThat(rule).isIn(PasswordRule.PASSWORD_TOO_COMMON, PasswordRule.PASSWORD_TOO_GUESSABLE);
    }

    @Test
    void aPasswordOnTheLeakedListIsTooCommonEvenInL33tSpelling() {
        assertThat(broken("password1234")).isEqualTo(PasswordRule.PASSWORD_TOO_COMMON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaaaa", "123456789012", "qwertyuiop12", "carla-carla-carla", "letmein12345"})
    void easilyGuessedPasswordsAreRefused(String password) {
        assertThat(broken(password)).isEqualTo(PasswordRule.PASSWORD_TOO_GUESSABLE);
    }

    @Test
    void aNewPasswordDiffersFromTheCurrentOne() {
        assertThat(PasswordPolicy.checkReplacement("blue-river-stone-42", "blue-river-stone-42", "carla", "Carla"))
                .contains(PasswordRule.NEW_PASSWORD_MUST_DIFFER);
        assertThat(PasswordPolicy.checkReplacement("blue-river-stone-43!", "blue-river-stone-42", "carla", "Carla"))
                .isEmpty();
    }
}
