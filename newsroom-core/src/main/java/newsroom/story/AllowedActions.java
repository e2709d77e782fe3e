package newsroom.story;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import newsroom.people.Action;

/**
 * What one person may do next with one story (see {@link StoryActions}).
 *
 * @param story           the story-level actions ({@link Action.Scope#STORY})
 * @param placements      per placement id, the placement actions ({@link Action.Scope#PLACEMENT}) on it
 * @param approvableSteps the approval steps this person may sign now; APPROVE is offered exactly when
 *                        there is one
 */
public record AllowedActions(Set<Action> story, Map<String, Set<Action>> placements, Set<String> approvableSteps) {

    public AllowedActions {
        story = Collections.unmodifiableSet(story.isEmpty() ? EnumSet.noneOf(Action.class) : EnumSet.copyOf(story));
        Map<String, Set<Action>> copy = new LinkedHashMap<>();
        placements.forEach((id, actions) -> copy.put(id,
                Collections.unmodifiableSet(actions.isEmpty() ? EnumSet.noneOf(Action.class) : EnumSet.copyOf(actions))));
        placements = Collections.unmodifiableMap(copy);
        approvableSteps = Collections.unmodifiableSortedSet(new TreeSet<>(approvableSteps));
    }

    /** Nothing at all, e.g. for a story whose state is not known yet. */
    public static AllowedActions none() {
        return new AllowedActions(Set.of(), Map.of(), Set.of());
    }

    public boolean allows(Action action) {
        return story.contains(action);
    }

    /** The actions on one placement; none for a placement the story does not have. */
    public Set<Action> placement(String placementId) {
        return placements.getOrDefault(placementId, Set.of());
    }
}
