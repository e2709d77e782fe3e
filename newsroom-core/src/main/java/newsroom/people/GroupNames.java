package newsroom.people;

import java.util.regex.Pattern;

/**
 * What a group name looks like, for the groups people belong to and the groups approval policy steps name: one
 * rule, or a policy could name a group nobody can join.
 */
public final class GroupNames {

    /** 1 to 40 lower-case letters, digits or '-', starting and ending with a letter or digit. */
    public static final String FORMAT = "1 to 40 lower-case letters, digits or '-', starting and ending with a letter or digit";

    private static final Pattern GROUP = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");

    private GroupNames() {
    }

    public static boolean isValid(String name) {
        return name != null && GROUP.matcher(name).matches();
    }
}
