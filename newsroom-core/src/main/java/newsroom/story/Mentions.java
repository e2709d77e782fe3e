package newsroom.story;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an {@code @mention} is, once for the whole newsroom: an {@code @} at the start of the text or
 * after a space, a bracket, a quote or one of {@code : ; ,}, followed by a username (a letter or digit,
 * then letters, digits, {@code . _ -}); dots at the end belong to the sentence, not the name. E-mail
 * addresses are never mentions, because the {@code @} of an address follows a character of its local part.
 * <p>
 * The server finds a comment's mentions with this and answers them with the comment; the dashboard
 * highlights exactly those. Its typing helper (ui/src/people/mentions.ts) implements the same rule and is
 * tested against the same table of cases ({@code mention-cases.json} next to this class's test).
 */
public final class Mentions {

    // the character before the @ must be one that cannot end an e-mail address's local part
    private static final Pattern MENTION = Pattern.compile("(?<![^\\s(\\[<:;,\"“‘«])@([A-Za-z0-9][A-Za-z0-9._-]*)",
            Pattern.UNICODE_CHARACTER_CLASS);

    private Mentions() {
    }

    /** The usernames mentioned, each once, in order of first mention. */
    public static Set<String> in(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text == null) {
            return names;
        }
        Matcher matcher = MENTION.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1).replaceAll("\\.+$", ""));
        }
        return names;
    }
}
