package newsroom.crisis;

/** What ending crisis mode does with the placements it paused, all at once. */
public enum PausedPlacementsDecision {
    /** Each paused placement whose slot is still ahead goes out at its slot again; the others stay paused. */
    RESUME,
    /** Every paused placement is cancelled. */
    CANCEL,
    /** They stay paused; the desk resumes, reschedules or cancels each one. */
    DECIDE_EACH
}
