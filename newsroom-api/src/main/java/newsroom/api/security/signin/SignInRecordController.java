package newsroom.api.security.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import newsroom.api.security.Permissions;
import newsroom.api.web.BadRequest;
import newsroom.api.web.InputRule;
import newsroom.people.Action;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sign-in record for admins and auditors ({@code READ_AUDIT_TRAIL}): who signed in, failed to, or signed out,
 * when and from where, newest first. A week unless {@code from}/{@code to} say otherwise (at most 31 days).
 */
@RestController
class SignInRecordController {

    static final Duration DEFAULT_RANGE = Duration.ofDays(7);
    static final Duration MAX_RANGE = Duration.ofDays(31);

    private final SignInRecordRepository record;
    private final Permissions permissions;
    private final Clock clock;

    SignInRecordController(SignInRecordRepository record, Permissions permissions, Clock clock) {
        this.record = record;
        this.permissions = permissions;
        this.clock = clock;
    }

    @GetMapping("/api/admin/sign-ins")
    List<SignInEntry> signIns(@RequestParam(required = false) String username,
                              @RequestParam(required = false) Instant from,
                              @RequestParam(required = false) Instant to) {
        permissions.require(Action.READ_AUDIT_TRAIL);
        Instant until = to != null ? to : clock.instant();
        Instant since = from != null ? from : until.minus(DEFAULT_RANGE);
        if (!until.isAfter(since)) {
            throw new BadRequest("to", InputRule.AFTER_FROM, "'to' must be after 'from'");
        }
        if (Duration.between(since, until).compareTo(MAX_RANGE) > 0) {
            throw new BadRequest("to", InputRule.MAX_RANGE,
                    "the sign-in record is read at most " + MAX_RANGE.toDays() + " days at a time");
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = SignInRecordRepository.day(since); !day.isAfter(SignInRecordRepository.day(until));
             day = day.plusDays(1)) {
            days.add(day);
        }
        return record.on(days).stream()
                .filter(entry -> !entry.at().isBefore(since) && entry.at().isBefore(until))
                .filter(entry -> username == null || username.equals(entry.username()))
                .sorted(Comparator.comparing(SignInEntry::at).reversed())
                .toList();
    }
}
