package newsroom.api.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

/**
 * Answers audit searches from the posting lists: for each month of the range, newest first, the entries
 * in every filter's list of that month (the smallest list is walked, the others are probed), inside
 * {@code [from, to)}. One {@code $in} reads the lists, one more the entries of the page.
 */
@Component
class AuditSearch {

    private final AuditRepository audit;

    AuditSearch(AuditRepository audit) {
        this.audit = audit;
    }

    /** A page of a search; {@code total} counts every match. */
    record AuditPage(long total, int page, int size, List<AuditEntry> entries) {
    }

    AuditPage page(AuditQuery query) {
        int size = query.pageSize();
        long skip = (long) query.pageNumber() * size;
        Matches matches = matches(query, skip, size);
        return new AuditPage(matches.total, query.pageNumber(), size, audit.entries(matches.ids));
    }

    /** Every match, newest first, if there are at most {@code max}; else only the count. */
    Matches all(AuditQuery query, int max) {
        return matches(query, 0, max);
    }

    List<AuditEntry> entries(List<Long> ids) {
        return audit.entries(ids);
    }

    /** The ids of the matches from {@code skip} on, at most {@code limit}, and how many match in all. */
    record Matches(long total, List<Long> ids) {
    }

    private Matches matches(AuditQuery query, long skip, int limit) {
        Map<AuditKey, String> filters = query.filters();
        NavigableSet<String> months = monthsOf(query.from(), query.to());
        List<String> keys = new ArrayList<>();
        for (String month : months) {
            if (filters.isEmpty()) {
                keys.add(AuditKey.allPosting(month));
            }
            filters.forEach((key, value) -> keys.add(key.posting(value, month)));
        }
        Map<String, PostingList> postings = audit.postings(keys);
        long from = query.from() == null ? Long.MIN_VALUE : query.from().toEpochMilli();
        long to = query.to() == null ? Long.MAX_VALUE : query.to().toEpochMilli();
        long total = 0;
        List<Long> ids = new ArrayList<>(Math.min(limit, 1_000));
        for (String month : months.descendingSet()) {
            List<PostingList> lists = new ArrayList<>();
            if (filters.isEmpty()) {
                lists.add(postings.get(AuditKey.allPosting(month)));
            }
            filters.forEach((key, value) -> lists.add(postings.get(key.posting(value, month))));
            if (lists.contains(null)) {
                continue; // some filter has nothing this month
            }
            lists.sort((a, b) -> Integer.compare(a.size(), b.size()));
            PostingList walked = lists.get(0);
            List<PostingList> probed = lists.subList(1, lists.size());
            for (int i = walked.size() - 1; i >= 0; i--) {
                long time = walked.time(i);
                if (time < from || time >= to) {
                    continue;
                }
                long id = walked.id(i);
                if (probed.stream().allMatch(list -> list.contains(id))) {
                    if (total >= skip && ids.size() < limit) {
                        ids.add(id);
                    }
                    total++;
                }
            }
        }
        return new Matches(total, ids);
    }

    /** The months with entries that overlap the range. */
    private NavigableSet<String> monthsOf(Instant from, Instant to) {
        TreeSet<String> months = audit.months();
        if (months.isEmpty()) {
            return months;
        }
        String first = from == null ? months.first() : AuditKey.monthOf(from);
        String last = to == null ? months.last() : AuditKey.monthOf(to.minusMillis(1));
        return first.compareTo(last) > 0 ? new TreeSet<>() : months.subSet(first, true, last, true);
    }
}
