package newsroom.api.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import newsroom.api.projection.ProjectionPositions;
import newsroom.api.security.Permissions;
import newsroom.api.web.BadRequest;
import newsroom.api.web.CsvExport;
import newsroom.api.web.InputRule;
import newsroom.calendar.Collision;
import newsroom.people.Action;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The shared content calendar: a time range of placements with collisions and quiet periods, and CSV. */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

    static final Duration MAX_RANGE = Duration.ofDays(62);

    private final CalendarQueries queries;
    private final ProjectionPositions positions;
    private final Permissions permissions;

    CalendarController(CalendarQueries queries, ProjectionPositions positions, Permissions permissions) {
        this.queries = queries;
        this.positions = positions;
        this.permissions = permissions;
    }

    record CalendarResponse(Instant from, Instant to, long position, List<CalendarEntry> entries,
                            List<BlackoutView> blackouts) {
    }

    @GetMapping
    CalendarResponse calendar(@Valid @ParameterObject CalendarQuery query) {
        permissions.require(Action.READ);
        requireRange(query.from(), query.to());
        long position = positions.position(CalendarProjection.PROCESSING_GROUP);
        CalendarQueries.CalendarRange range = rangeOf(query);
        return new CalendarResponse(query.from(), query.to(), position, range.entries(), range.blackouts());
    }

    @GetMapping("/collisions")
    List<Collision> collisions(@RequestParam Instant from, @RequestParam Instant to) {
        permissions.require(Action.READ);
        requireRange(from, to);
        return queries.range(from, to, CalendarFilter.NONE).collisions();
    }

    @GetMapping(value = "/export.csv", produces = {CsvExport.TEXT_CSV_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<String> csv(@Valid @ParameterObject CalendarQuery query) {
        permissions.require(Action.READ);
        requireRange(query.from(), query.to());
        CsvExport csv = CsvExport.withHeader("slot", "channel", "status", "title", "desk", "campaign", "audience",
                "priority", "owner", "approval", "collisions", "story_id", "placement_id");
        for (CalendarEntry entry : rangeOf(query).entries()) {
            csv.row(entry.slot(), entry.channelName(), entry.status(), entry.title(), entry.desk(), entry.campaign(),
                    entry.audience(), entry.priority(), entry.owner(), entry.approvalState(),
                    entry.collisions().stream().map(Collision::message).collect(Collectors.joining("; ")),
                    entry.storyId(), entry.placementId());
        }
        return csv.download("newsroom-calendar-" + query.from().toString().substring(0, 10) + ".csv");
    }

    private CalendarQueries.CalendarRange rangeOf(CalendarQuery query) {
        return query.asOf() == null ? queries.range(query.from(), query.to(), query.filter())
                : queries.rangeAsOf(query.from(), query.to(), query.filter(), query.asOf());
    }

    static void requireRange(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw new BadRequest("to", InputRule.AFTER_FROM, "'to' must be after 'from'");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new BadRequest("to", InputRule.MAX_RANGE, "a calendar range spans at most " + MAX_RANGE.toDays() + " days");
        }
    }
}
