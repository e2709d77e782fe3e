package newsroom.api.push;

import java.time.Instant;

import newsroom.api.story.StoryAnswer;

/**
 * What the live board and calendar receive for each story event.
 *
 * @param position the global position of the event that caused it; it only grows
 * @param type     the event name, e.g. {@code PlacementRescheduled}
 * @param story    the story as it is after the event (or later), for everybody: without the per-person
 *                 {@code allowedActions} and {@code approvableSteps}, which a client gets from
 *                 {@code GET /api/stories/{id}}
 */
public record LiveUpdate(long position, String type, String storyId, String placementId, Instant at, String by,
                         StoryAnswer story) {
}
