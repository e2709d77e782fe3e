package newsroom.story;

import newsroom.calendar.Blackout;

/**
 * A quiet period that holds a placement back, and whether the person who was refused may override it for that
 * placement (decided by the same rule the override command enforces), so a client can offer the override without
 * knowing who may give it.
 */
public record QuietPeriodHold(Blackout period, boolean overridable) {
}
