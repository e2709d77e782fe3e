package newsroom.api.publishing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Automatic publication and delivery to the channels' systems ({@code newsroom.publishing.*}).
 *
 * @param pollInterval          how often each server looks at the schedule (and sets a timer for every slot before
 *                              its next look) and for due delivery attempts (it also looks at once when it queued a
 *                              delivery or finished an attempt)
 * @param lateAfter             a placement whose slot had passed by more than this when a server could first publish
 *                              it missed its slot (see {@code MissedSlots}; the channel's missed-slot setting decides:
 *                              publish marked late, or hold for an editor)
 * @param connectTimeout        connecting to a receiver
 * @param requestTimeout        a whole attempt, answer included; a hanging receiver costs at most this
 * @param maxAttempts           attempts per delivery before it is failed (an editor may redeliver)
 * @param initialBackoff        the wait after the first failed attempt; doubled each time, with jitter
 * @param maxBackoff            the longest wait between two attempts
 * @param maxConcurrent         deliveries in flight per server
 * @param maxConcurrentPerChannel deliveries in flight per channel, so one slow receiver leaves room for the others
 * @param secretKey             the key connector secrets are encrypted with at rest; when empty, one is generated
 *                              once and kept in the store (set it in production, from outside the database)
 */
@ConfigurationProperties("newsroom.publishing")
public record PublishingProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("60s") Duration lateAfter,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("2s") Duration initialBackoff,
        @DefaultValue("10m") Duration maxBackoff,
        @DefaultValue("32") int maxConcurrent,
        @DefaultValue("4") int maxConcurrentPerChannel,
        @DefaultValue("") String secretKey) {

    @Override
    public String toString() {
        // the key never reaches a log
        return "PublishingProperties[enabled=" + enabled + ", pollInterval=" + pollInterval + ", lateAfter=" + lateAfter
                + ", maxAttempts=" + maxAttempts + "]";
    }
}
