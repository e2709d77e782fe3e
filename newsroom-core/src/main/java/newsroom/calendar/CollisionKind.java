package newsroom.calendar;

/** The kinds of calendar collision. */
public enum CollisionKind {
    /** Two placements on one channel closer than the channel's minimum gap. */
    CHANNEL_GAP,
    /** More high-priority placements on one day than the newsroom allows. */
    HIGH_PRIORITY_DAY,
    /** A placement inside a quiet period of its channel. */
    BLACKOUT
}
