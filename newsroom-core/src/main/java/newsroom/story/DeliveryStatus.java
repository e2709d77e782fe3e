package newsroom.story;

/**
 * How a published placement stands with its channel's own system (CMS, social media tool, newsletter tool),
 * reached through the channel's outgoing connector. {@code NONE}: nothing to deliver (unpublished, or the
 * channel has no connector); {@code PENDING}: an editor asked for it again and it has not been tried yet.
 */
public enum DeliveryStatus {
    NONE,
    PENDING,
    RETRYING,
    DELIVERED,
    FAILED
}
