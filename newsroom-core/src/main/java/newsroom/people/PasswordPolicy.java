package newsroom.people;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.nulabinc.zxcvbn.Pattern;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.matchers.Match;

/**
 * What makes a password acceptable, after NIST SP 800-63B: long enough, not the username, not one of the most
 * used passwords and not easy to guess otherwise; no rules about character classes. Common passwords and
 * guessability come from zxcvbn (zxcvbn4j), which ships frequency lists of leaked passwords, words and names and
 * estimates how many guesses a password takes; a hand-typed list would be short and stale.
 * <p>
 * The API checks a password here before it hashes it; the {@link UserAccount} aggregate never sees one.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** bcrypt uses the first 72 bytes only; a longer password would silently lose its end. */
    public static final int MAX_BYTES = 72;
    /** zxcvbn's score 3: "safely unguessable", about 10^8 guesses or more. */
    private static final int MIN_SCORE = 3;
    private static final String PASSWORDS_LIST = "passwords";
    private static final Zxcvbn ZXCVBN = new Zxcvbn();

    private PasswordPolicy() {
    }

    /**
     * The first rule the password breaks, if any. The username and display name count as known words, so their
     * variants are guessable too.
     */
    public static Optional<PasswordRule> check(String password, String username, String displayName) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of(PasswordRule.PASSWORD_TOO_SHORT);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of(PasswordRule.PASSWORD_TOO_LONG);
        }
        if (username != null && password.strip().toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT))) {
            return Optional.of(PasswordRule.PASSWORD_EQUALS_USERNAME);
        }
        List<String> knownWords = new ArrayList<>();
        if (username != null) {
            knownWords.add(username);
        }
        if (displayName != null) {
            knownWords.addAll(List.of(displayName.split("\\s+")));
        }
        Strength strength = ZXCVBN.measure(password, knownWords);
        if (isOneCommonPassword(password, strength)) {
            return Optional.of(PasswordRule.PASSWORD_TOO_COMMON);
        }
        if (strength.getScore() < MIN_SCORE) {
            return Optional.of(PasswordRule.PASSWORD_TOO_GUESSABLE);
        }
        return Optional.empty();
    }

    /** As {@link #check}, for a password that replaces {@code current}: it must also differ from it. */
    public static Optional<PasswordRule> checkReplacement(String password, String current, String username,
                                                          String displayName) {
        if (password != null && password.equals(current)) {
            return Optional.of(PasswordRule.NEW_PASSWORD_MUST_DIFFER);
        }
        return check(password, username, displayName);
    }

    /** The whole password is one entry of the leaked-passwords list (also reversed or in l33t spelling). */
    private static boolean isOneCommonPassword(String password, Strength strength) {
        List<Match> sequence = strength.getSequence();
        if (sequence.size() != 1) {
            return false;
        }
        Match match = sequence.get(0);
        return match.pattern == Pattern.Dictionary && PASSWORDS_LIST.equals(match.dictionaryName)
                && match.token.length() == password.length();
    }
}
