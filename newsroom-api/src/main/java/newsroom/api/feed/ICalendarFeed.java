package newsroom.api.feed;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import newsroom.api.calendar.CalendarEntry;
import newsroom.api.calendar.CalendarStatus;
import newsroom.api.story.StoryView;
import newsroom.calendar.Collision;
import org.springframework.stereotype.Component;

/**
 * Writes calendar entries as an RFC 5545 iCalendar document with ical4j, in the terms calendar apps act on:
 * {@code STATUS} (TENTATIVE until approved, CONFIRMED when approved or published, CANCELLED), a stable
 * {@code UID} per placement, and {@code SEQUENCE}/{@code LAST-MODIFIED} from the story's version, so a
 * subscribed calendar replaces its copy when a placement changes. Cancelled placements stay in the feed as
 * CANCELLED, so a calendar that already has one marks it cancelled instead of keeping it as going out.
 */
@Component
class ICalendarFeed {

    /** How often subscribed apps should fetch the feed again (Outlook honours it; Google has its own rhythm). */
    static final String REFRESH = "PT1H";

    private final FeedProperties properties;

    ICalendarFeed(FeedProperties properties) {
        this.properties = properties;
    }

    /**
     * @param stories the stories of the entries by id, for versions and placement details; an entry whose story
     *                the read model does not show yet is written with sequence 0 and stamped {@code now}
     */
    String write(String name, List<CalendarEntry> entries, Map<String, StoryView> stories, Instant now) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Newsroom//Content calendar//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-PUBLISHED-TTL", REFRESH));
        for (CalendarEntry entry : entries) {
            calendar.add(event(entry, stories.get(entry.storyId()), now));
        }
        try {
            StringWriter out = new StringWriter();
            new CalendarOutputter(false).output(calendar, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private VEvent event(CalendarEntry entry, StoryView story, Instant now) {
        Shown shown = Shown.of(entry.status());
        Instant start = entry.slot();
        // a placement is a moment unless its channel kind takes time (a livestream, an event)
        Instant end = start.plus(properties.durationOf(entry.channelKind()));
        Instant modified = story != null && story.updatedAt != null ? story.updatedAt : now;

        VEvent event = new VEvent(false);
        event.add(new Uid(entry.entryId() + "@newsroom"));
        // without a METHOD, DTSTAMP is when the information was last revised (RFC 5545 3.8.7.2)
        event.add(new DtStamp(modified));
        event.add(new LastModified(modified));
        event.add(new Sequence(story == null ? 0 : (int) Math.min(Integer.MAX_VALUE, story.version)));
        event.add(new DtStart<>(start));
        event.add(new DtEnd<>(end));
        event.add(new Summary("[" + entry.channelName() + "] " + entry.title() + shown.summarySuffix));
        event.add(shown.status);
        // a placement does not make anyone busy
        event.add(ImmutableTransp.TRANSPARENT);
        event.add(new Categories(new TextList(List.of(entry.channelName(), shown.label))));
        event.add(new Description(describe(entry, shown, story)));
        return event;
    }

    private static String describe(CalendarEntry entry, Shown shown, StoryView story) {
        StringBuilder text = new StringBuilder()
                .append("Status: ").append(shown.label)
                .append("\nDesk: ").append(entry.desk())
                .append("\nOwner: ").append(entry.owner())
                .append("\nApproval: ").append(entry.approvalState());
        if (entry.campaign() != null) {
            text.append("\nCampaign: ").append(entry.campaign());
        }
        StoryView.PlacementView placement = story == null ? null : story.placement(entry.placementId());
        if (placement != null && placement.publishedAt != null) {
            text.append("\nPublished: ").append(placement.publishedAt).append(" by ").append(placement.publishedBy);
        }
        if (placement != null && placement.cancelReason != null) {
            text.append("\nCancelled: ").append(placement.cancelReason);
        }
        if (entry.collisions() != null && !entry.collisions().isEmpty()) {
            text.append("\nCollisions: ").append(entry.collisions().stream().map(Collision::message)
                    .collect(Collectors.joining("; ")));
        }
        return text.toString();
    }

    /** How a calendar status is shown in calendar apps: one place for the mapping. */
    enum Shown {
        PLANNED(ImmutableStatus.VEVENT_TENTATIVE, "Planned", ""),
        SCHEDULED(ImmutableStatus.VEVENT_CONFIRMED, "Scheduled", ""),
        PUBLISHED(ImmutableStatus.VEVENT_CONFIRMED, "Published", " (published)"),
        PAUSED(ImmutableStatus.VEVENT_TENTATIVE, "Paused", " (paused)"),
        CANCELLED(ImmutableStatus.VEVENT_CANCELLED, "Cancelled", " (cancelled)");

        final Status status;
        final String label;
        final String summarySuffix;

        Shown(Status status, String label, String summarySuffix) {
            this.status = status;
            this.label = label;
            this.summarySuffix = summarySuffix;
        }

        /** Exhaustive: a new calendar status does not compile until it is given a way to be shown. */
        static Shown of(CalendarStatus status) {
            return switch (status) {
                case PLANNED -> PLANNED;
                case SCHEDULED -> SCHEDULED;
                case PUBLISHED -> PUBLISHED;
                case PAUSED -> PAUSED;
                case CANCELLED -> CANCELLED;
            };
        }
    }
}
