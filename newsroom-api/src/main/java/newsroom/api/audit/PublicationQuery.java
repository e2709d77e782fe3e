package newsroom.api.audit;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** A search for publications: the audit search's filters without {@code action} (it is always a publication). */
record PublicationQuery(String person, String story, String channel, String campaign, Instant from, Instant to,
                        @Min(0) Integer page, @Min(1) @Max(AuditQuery.MAX_PAGE_SIZE) Integer size) {

    AuditQuery toAuditQuery() {
        return new AuditQuery(person, story, channel, campaign, null, from, to, page, size);
    }
}
