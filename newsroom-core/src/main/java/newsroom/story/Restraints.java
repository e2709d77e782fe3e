package newsroom.story;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import newsroom.calendar.Blackout;

/**
 * What holds placements back newsroom-wide when a decision is taken: crisis mode (the id of the crisis in force,
 * or none) and the quiet periods in force (defined and not lifted, past or future). A value: the aggregate gets
 * it from a {@link RestraintsSource}, {@link StoryActions} inside the {@link Circumstances}.
 *
 * @param activeCrisisId the crisis in force; null when crisis mode is off
 * @param quietPeriods   every quiet period that has not been lifted
 */
public record Restraints(String activeCrisisId, List<Blackout> quietPeriods) {

    /** No crisis, no quiet period. */
    public static final Restraints NONE = new Restraints(null, List.of());

    public Restraints {
        quietPeriods = quietPeriods == null ? List.of() : List.copyOf(quietPeriods);
    }

    public boolean crisisActive() {
        return activeCrisisId != null;
    }

    public Optional<Blackout> quietPeriod(String blackoutId) {
        return quietPeriods.stream().filter(period -> period.blackoutId().equals(blackoutId)).findFirst();
    }

    /** The quiet periods that hold the channel at that moment. */
    public List<Blackout> covering(String channelId, Instant moment) {
        return quietPeriods.stream().filter(period -> period.covers(channelId, moment)).toList();
    }

    /** The quiet periods on the channel at any time. */
    public List<Blackout> onChannel(String channelId) {
        return quietPeriods.stream()
                .filter(period -> period.channelIds().isEmpty() || period.channelIds().contains(channelId)).toList();
    }
}
