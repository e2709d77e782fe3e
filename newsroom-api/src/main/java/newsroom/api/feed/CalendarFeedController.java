package newsroom.api.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import newsroom.api.calendar.CalendarEntry;
import newsroom.api.calendar.CalendarFilter;
import newsroom.api.calendar.CalendarQueries;
import newsroom.api.security.KnownUsers;
import newsroom.api.security.Permissions;
import newsroom.api.story.StoryReadModel;
import newsroom.api.story.StoryView;
import newsroom.api.web.CarriesSecrets;
import newsroom.api.web.ProblemException;
import newsroom.api.web.ProblemType;
import newsroom.api.web.Problems;
import newsroom.people.Action;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The calendar as an iCalendar feed for Outlook, Google Calendar and Apple Calendar: the last 30 and the
 * next 90 days, all channels or one channel or campaign, authenticated by a personal feed token.
 */
@RestController
class CalendarFeedController {

    static final Duration PAST = Duration.ofDays(30);
    static final Duration FUTURE = Duration.ofDays(90);

    private final FeedTokens tokens;
    private final CalendarQueries calendar;
    private final Permissions permissions;
    private final KnownUsers users;
    private final StoryReadModel stories;
    private final ICalendarFeed feed;
    private final Clock clock;
    private final String publicUrl;

    CalendarFeedController(FeedTokens tokens, CalendarQueries calendar, Permissions permissions, KnownUsers users,
                           StoryReadModel stories, ICalendarFeed feed, Clock clock,
                           @Value("${newsroom.web.public-url:}") String publicUrl) {
        this.publicUrl = publicUrl;
        this.stories = stories;
        this.feed = feed;
        this.tokens = tokens;
        this.calendar = calendar;
        this.permissions = permissions;
        this.users = users;
        this.clock = clock;
    }

    record FeedLink(String token, String url) {
    }

    @GetMapping("/api/me/calendar-feed")
    FeedLink myFeed() {
        String username = permissions.require(Action.READ).username();
        return link(publicUrl, tokens.tokenOf(username));
    }

    @PostMapping("/api/me/calendar-feed/rotate")
    @CarriesSecrets
    FeedLink rotate() {
        String username = permissions.require(Action.READ).username();
        return link(publicUrl, tokens.rotate(username));
    }

    /** Calendar apps send all sorts of Accept headers; the feed answers each of them with iCalendar. */
    @GetMapping(value = "/calendar.ics", produces = {"text/calendar", MediaType.ALL_VALUE})
    ResponseEntity<String> feed(@RequestParam String token, @RequestParam(required = false) String channel,
                                @RequestParam(required = false) String campaign) {
        tokens.userOf(token).filter(users::exists).orElseThrow(InvalidFeedToken::new);
        Instant now = clock.instant();
        var entries = calendar.range(now.minus(PAST), now.plus(FUTURE),
                new CalendarFilter(channel == null ? Set.of() : Set.of(channel), null, campaign, Set.of(), null, null))
                .entries();
        String name = "Newsroom" + (channel != null ? " · " + channel : "") + (campaign != null ? " · " + campaign : "");
        Map<String, StoryView> stories = this.stories.findAll(entries.stream().map(CalendarEntry::storyId)
                .collect(Collectors.toSet()));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .body(feed.write(name, entries, stories, now));
    }

    /**
     * The feed URL carries its token, so it is built from the configured public address when there is one, never
     * from the request's {@code Host} header (which a client or a misconfigured proxy may set to anything).
     */
    static FeedLink link(String publicUrl, String token) {
        UriComponentsBuilder base = publicUrl == null || publicUrl.isBlank()
                ? ServletUriComponentsBuilder.fromCurrentContextPath() : UriComponentsBuilder.fromUriString(publicUrl);
        String url = base.path("/calendar.ics").queryParam("token", token).toUriString();
        return new FeedLink(token, url);
    }

    static class InvalidFeedToken extends ProblemException {

        InvalidFeedToken() {
            super("The feed token is unknown or was rotated; get a new feed URL from GET /api/me/calendar-feed.");
        }

        @Override
        public ProblemDetail problem() {
            return Problems.of(ProblemType.INVALID_FEED_TOKEN, getMessage());
        }
    }
}
