package newsroom.api.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import newsroom.api.calendar.CalendarEntry;
import newsroom.calendar.Collision;

/** Writes calendar entries as an RFC 5545 iCalendar document with ical4j. */
final class ICalendarFeed {

    /** Placements are points in time; a short event shows them in calendar apps. */
    static final Duration EVENT_LENGTH = Duration.ofMinutes(30);

    private ICalendarFeed() {
    }

    static String write(String name, List<CalendarEntry> entries) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Newsroom//Content calendar//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new net.fortuna.ical4j.model.property.XProperty("X-WR-CALNAME", name));
        for (CalendarEntry entry : entries) {
            Instant start = entry.slot();
            VEvent event = new VEvent(start, start.plus(EVENT_LENGTH), "[" + entry.channelName() + "] " + entry.title());
            event.add(new Uid(entry.entryId() + "@newsroom"));
            event.add(new Description(describe(entry)));
            event.add(new Categories(entry.channelName()));
            calendar.add(event);
        }
        try {
            java.io.StringWriter out = new java.io.StringWriter();
            new CalendarOutputter(false).output(calendar, out);
            return out.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String describe(CalendarEntry entry) {
        StringBuilder text = new StringBuilder()
                .append("Status: ").append(entry.status())
                .append("\nDesk: ").append(entry.desk())
                .append("\nOwner: ").append(entry.owner())
                .append("\nApproval: ").append(entry.approvalState());
        if (entry.campaign() != null) {
            text.append("\nCampaign: ").append(entry.campaign());
        }
        if (entry.collisions() != null && !entry.collisions().isEmpty()) {
            text.append("\nCollisions: ").append(entry.collisions().stream().map(Collision::message)
                    .collect(Collectors.joining("; ")));
        }
        return text.toString();
    }
}
