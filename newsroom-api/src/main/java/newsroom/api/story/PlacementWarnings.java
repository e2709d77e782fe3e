package newsroom.api.story;

import java.util.List;

import newsroom.calendar.Collision;

/**
 * Tells the collisions a placement has on the calendar, once the calendar shows the given story version.
 * Implemented by the calendar feature, so planning can answer with warnings without the story feature
 * knowing how the calendar is kept.
 */
public interface PlacementWarnings {

    List<Collision> warningsFor(String storyId, String placementId, long storyVersion);
}
