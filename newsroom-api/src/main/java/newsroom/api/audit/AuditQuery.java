package newsroom.api.audit;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * An audit search: every filter given must match (person = who did it, action = the event type such as
 * {@code PlacementPublished}), {@code [from, to)} bounds the time; newest first, {@code page} of {@code size}.
 */
record AuditQuery(String person, String story, String channel, String campaign, String action, Instant from,
                  Instant to, @Min(0) Integer page, @Min(1) @Max(MAX_PAGE_SIZE) Integer size) {

    static final int MAX_PAGE_SIZE = 200;
    static final int DEFAULT_PAGE_SIZE = 50;

    static AuditQuery of(AuditKey key, String value) {
        AuditQuery none = new AuditQuery(null, null, null, null, null, null, null, null, null);
        return none.and(key, value);
    }

    AuditQuery and(AuditKey key, String value) {
        return new AuditQuery(key == AuditKey.PERSON ? value : person, key == AuditKey.STORY ? value : story,
                key == AuditKey.CHANNEL ? value : channel, key == AuditKey.CAMPAIGN ? value : campaign,
                key == AuditKey.ACTION ? value : action, from, to, page, size);
    }

    AuditQuery withPage(int newPage) {
        return new AuditQuery(person, story, channel, campaign, action, from, to, newPage, size);
    }

    AuditQuery between(Instant newFrom, Instant newTo) {
        return new AuditQuery(person, story, channel, campaign, action, newFrom, newTo, page, size);
    }

    /** The filters given, by key. */
    Map<AuditKey, String> filters() {
        Map<AuditKey, String> filters = new EnumMap<>(AuditKey.class);
        put(filters, AuditKey.PERSON, person);
        put(filters, AuditKey.STORY, story);
        put(filters, AuditKey.CHANNEL, channel);
        put(filters, AuditKey.CAMPAIGN, campaign);
        put(filters, AuditKey.ACTION, action);
        return filters;
    }

    int pageNumber() {
        return page == null ? 0 : page;
    }

    int pageSize() {
        return size == null ? DEFAULT_PAGE_SIZE : size;
    }

    private static void put(Map<AuditKey, String> filters, AuditKey key, String value) {
        if (value != null && !value.isBlank()) {
            filters.put(key, value.trim());
        }
    }
}
