package newsroom.api.security.signin;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import newsroom.api.security.SecurityProperties;

/**
 * Slows down password guessing: every password sign-in takes a token from the bucket of its username and from the
 * bucket of its client address (Bucket4j token buckets, refilled evenly), a successful one gives them back, so only
 * failures use them up. With either bucket empty the attempt is refused before the password is checked, with the
 * time until a token is back. Buckets live in Caffeine caches bounded in size and dropped once they would be full
 * again, so a flood of made-up usernames or addresses cannot exhaust memory. Each server instance counts on its own.
 */
public class SignInThrottle {

    private final SecurityProperties.SignInThrottle limits;
    private final TimeMeter time;
    private final Cache<String, Bucket> users;
    private final Cache<String, Bucket> addresses;

    public SignInThrottle(SecurityProperties.SignInThrottle limits, TimeMeter time) {
        this.limits = limits;
        this.time = time;
        this.users = cache(limits.perUser(), limits.tracked());
        this.addresses = cache(limits.perAddress(), limits.tracked());
    }

    /** An attempt that may go ahead; {@link #succeeded()} gives its tokens back. */
    public final class Attempt {

        private final Bucket user;
        private final Bucket address;

        private Attempt(Bucket user, Bucket address) {
            this.user = user;
            this.address = address;
        }

        public void succeeded() {
            user.addTokens(1);
            address.addTokens(1);
        }
    }

    /** Takes a token for the attempt, or says how long to wait (at least a second) when there is none. */
    public Attempt begin(String username, String address) throws Refused {
        Bucket user = users.get(normalised(username), key -> bucket(limits.perUser()));
        Bucket client = addresses.get(address == null ? "" : address, key -> bucket(limits.perAddress()));
        ConsumptionProbe forUser = user.tryConsumeAndReturnRemaining(1);
        if (!forUser.isConsumed()) {
            throw new Refused(wait(forUser));
        }
        ConsumptionProbe forAddress = client.tryConsumeAndReturnRemaining(1);
        if (!forAddress.isConsumed()) {
            user.addTokens(1);
            throw new Refused(wait(forAddress));
        }
        return new Attempt(user, client);
    }

    /** Too many failed attempts: try again after {@code retryAfter}. */
    public static final class Refused extends Exception {

        private final Duration retryAfter;

        Refused(Duration retryAfter) {
            super("too many failed sign-ins; try again in " + retryAfter.toSeconds() + " s", null, false, false);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    private Bucket bucket(SecurityProperties.Limit limit) {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.attempts()).refillGreedy(limit.attempts(), limit.per()))
                .withCustomTimePrecision(time)
                .build();
    }

    private Cache<String, Bucket> cache(SecurityProperties.Limit limit, int tracked) {
        // an untouched bucket is full again after one period: forgetting it then changes nothing
        return Caffeine.newBuilder().maximumSize(tracked).expireAfterAccess(limit.per()).build();
    }

    /** Usernames are lower-case; "Eddie" and "eddie" share a bucket so case does not buy more guesses. */
    private static String normalised(String username) {
        return Optional.ofNullable(username).map(name -> name.strip().toLowerCase(Locale.ROOT)).orElse("");
    }

    private static Duration wait(ConsumptionProbe probe) {
        return Duration.ofSeconds(Math.max(1, (long) Math.ceil(probe.getNanosToWaitForRefill() / 1e9)));
    }
}
