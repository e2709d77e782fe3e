package newsroom.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Finds the collisions among calendar items: too close on one channel, too many high-priority items on
 * one day, anything inside a quiet period. Collisions are warnings: planning still succeeds.
 */
public final class CollisionDetector {

    /** By slot, ties by entry id: the same items give the same collisions in whatever order they come. */
    private static final Comparator<ScheduledItem> IN_TIME_ORDER = Comparator.comparing(ScheduledItem::slot)
            .thenComparing(ScheduledItem::entryId);

    private final CollisionPolicy policy;

    public CollisionDetector(CollisionPolicy policy) {
        this.policy = policy;
    }

    public List<Collision> detect(List<ScheduledItem> items, List<Blackout> blackouts) {
        List<Collision> collisions = new ArrayList<>();
        collisions.addAll(channelGaps(items));
        collisions.addAll(busyDays(items));
        collisions.addAll(quietPeriods(items, blackouts));
        return collisions;
    }

    private List<Collision> channelGaps(List<ScheduledItem> items) {
        List<Collision> collisions = new ArrayList<>();
        Map<String, List<ScheduledItem>> byChannel = items.stream()
                .collect(Collectors.groupingBy(ScheduledItem::channelId, TreeMap::new, Collectors.toList()));
        byChannel.forEach((channelId, onChannel) -> {
            onChannel.sort(IN_TIME_ORDER);
            Duration gap = policy.minimumGap(channelId);
            for (int i = 1; i < onChannel.size(); i++) {
                ScheduledItem earlier = onChannel.get(i - 1);
                ScheduledItem later = onChannel.get(i);
                Duration between = Duration.between(earlier.slot(), later.slot());
                if (between.compareTo(gap) < 0) {
                    collisions.add(new Collision(CollisionKind.CHANNEL_GAP, List.of(earlier.entryId(), later.entryId()),
                            later.channelName() + ": two placements " + describe(between)
                                    + " apart; keep at least " + describe(gap) + " between them"));
                }
            }
        });
        return collisions;
    }

    private List<Collision> busyDays(List<ScheduledItem> items) {
        List<Collision> collisions = new ArrayList<>();
        Map<LocalDate, List<ScheduledItem>> highPriorityByDay = items.stream()
                .filter(ScheduledItem::highPriority)
                .collect(Collectors.groupingBy(item -> LocalDate.ofInstant(item.slot(), policy.zone()), TreeMap::new,
                        Collectors.toList()));
        highPriorityByDay.forEach((day, onDay) -> {
            if (onDay.size() > policy.maxHighPriorityPerDay()) {
                collisions.add(new Collision(CollisionKind.HIGH_PRIORITY_DAY,
                        onDay.stream().sorted(IN_TIME_ORDER).map(ScheduledItem::entryId).toList(),
                        onDay.size() + " high-priority placements on " + day + "; at most "
                                + policy.maxHighPriorityPerDay() + " per day"));
            }
        });
        return collisions;
    }

    private static List<Collision> quietPeriods(List<ScheduledItem> items, List<Blackout> blackouts) {
        List<Collision> collisions = new ArrayList<>();
        for (ScheduledItem item : items) {
            for (Blackout blackout : blackouts) {
                if (blackout.covers(item.channelId(), item.slot())) {
                    collisions.add(new Collision(CollisionKind.BLACKOUT, List.of(item.entryId()),
                            item.channelName() + " placement at " + item.slot() + " is inside the quiet period '"
                                    + blackout.name() + "' (" + blackout.startsAt() + " to " + blackout.endsAt() + ")"));
                }
            }
        }
        return collisions;
    }

    private static String describe(Duration duration) {
        if (duration.toMinutes() < 60) {
            return duration.toMinutes() + " min";
        }
        long minutes = duration.toMinutesPart();
        return duration.toHours() + " h" + (minutes == 0 ? "" : " " + minutes + " min");
    }
}
