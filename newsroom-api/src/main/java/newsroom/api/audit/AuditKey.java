package newsroom.api.audit;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** What the audit can be searched by; each is a posting list per value and month. */
enum AuditKey {
    PERSON("person"),
    STORY("story"),
    CHANNEL("channel"),
    CAMPAIGN("campaign"),
    ACTION("action");

    /** The key of every entry of a month: searches by time alone, and the times of the edge months. */
    static final String ALL = "*";

    private final String parameter;

    AuditKey(String parameter) {
        this.parameter = parameter;
    }

    /** The query parameter that searches by it. */
    String parameter() {
        return parameter;
    }

    String posting(String value, String month) {
        return parameter + "|" + value + "|" + month;
    }

    static String allPosting(String month) {
        return ALL + "|" + month;
    }

    /** Months are UTC, so a posting never depends on the newsroom's zone setting. */
    static String monthOf(Instant at) {
        return YearMonth.from(at.atOffset(ZoneOffset.UTC)).toString();
    }
}
