package newsroom.story;

/** How much weight a story carries on the calendar. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH
}
