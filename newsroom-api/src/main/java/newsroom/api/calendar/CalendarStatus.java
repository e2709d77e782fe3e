package newsroom.api.calendar;

/** A placement's state on the calendar. */
public enum CalendarStatus {
    /** Placed, but the story is not yet approved for it. */
    PLANNED,
    /** Approved: it goes out at its slot. */
    SCHEDULED,
    PUBLISHED,
    /** Held back: paused by crisis mode, or inside a quiet period of its channel that nobody overrode for it. */
    PAUSED,
    CANCELLED
}
