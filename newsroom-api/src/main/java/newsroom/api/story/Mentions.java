package newsroom.api.story;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the {@code @username} mentions in a comment. */
final class Mentions {

    // not preceded by a word character, so e-mail addresses are not mentions
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@([A-Za-z0-9][A-Za-z0-9._-]{0,99})");

    private Mentions() {
    }

    static Set<String> in(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = MENTION.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1).replaceAll("[.]+$", "")); // a full stop ends the sentence, not the name
        }
        return names;
    }
}
