package newsroom.api.push;

import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import newsroom.people.Action;
import newsroom.people.Role;

/**
 * The STOMP destinations, in one place, and who may subscribe to which: whoever may read the board reads
 * its topics, whoever may approve gets the approval topic. Who that is, the domain's role→action table
 * ({@link Action}) says, and for a delegate the domain's delegation rules ({@code StoryRules#mayApprove}).
 */
public final class Topics {

    public static final String BOARD = "/topic/board";
    public static final String CALENDAR = "/topic/calendar";
    public static final String APPROVALS = "/topic/approvals";
    /** Crisis mode switched on or ended, quiet periods defined or lifted: for everybody who reads. */
    public static final String GOVERNANCE = "/topic/governance";
    public static final String NOTIFICATIONS = "/queue/notifications";
    public static final String USER_NOTIFICATIONS = "/user" + NOTIFICATIONS;

    private static final Pattern STORY = Pattern.compile("/topic/story\\.[A-Za-z0-9._-]{1,100}");
    private static final Pattern STORY_PRESENCE = Pattern.compile("/topic/story\\.[A-Za-z0-9._-]{1,100}\\.presence");
    private static final Pattern CALENDAR_CHANNEL = Pattern.compile("/topic/calendar\\.channel\\.[A-Za-z0-9._-]{1,100}");

    private Topics() {
    }

    public static String story(String storyId) {
        return "/topic/story." + storyId;
    }

    public static String presence(String storyId) {
        return story(storyId) + ".presence";
    }

    public static String calendarChannel(String channelId) {
        return CALENDAR + ".channel." + channelId;
    }

    /** Clients send only to the application's handlers; topics are written by the server alone. */
    public static boolean maySend(String destination) {
        return destination != null && destination.startsWith("/app/");
    }

    /**
     * Whether a user with these roles may subscribe to the destination. Unknown destinations are refused.
     *
     * @param mayApprove whether the domain lets this person approve now (a governance lead, or a delegate signing
     *                   under a delegation in force); asked only for the approval topic
     */
    public static boolean maySubscribe(String destination, Set<Role> roles, BooleanSupplier mayApprove) {
        if (destination == null) {
            return false;
        }
        boolean reader = Action.READ.allowedFor(roles);
        if (destination.equals(BOARD) || destination.equals(CALENDAR) || destination.equals(GOVERNANCE)
                || STORY.matcher(destination).matches()
                || STORY_PRESENCE.matcher(destination).matches() || CALENDAR_CHANNEL.matcher(destination).matches()) {
            return reader;
        }
        if (destination.equals(APPROVALS)) {
            return Action.APPROVE.allowedFor(roles) || mayApprove.getAsBoolean();
        }
        // user destinations resolve to the subscriber's own session only
        return destination.equals(USER_NOTIFICATIONS) && reader;
    }
}
