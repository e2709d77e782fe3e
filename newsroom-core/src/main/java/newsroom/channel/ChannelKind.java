package newsroom.channel;

/** Where content goes out; the approval policy is keyed by kind. */
public enum ChannelKind {
    PRESS_RELEASE,
    BLOG,
    NEWSLETTER,
    INTRANET,
    SOCIAL,
    VIDEO,
    PODCAST,
    EVENT
}
