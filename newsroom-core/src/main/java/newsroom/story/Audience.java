package newsroom.story;

/** Who a story speaks to. */
public enum Audience {
    B2B,
    B2C,
    INTERNAL
}
