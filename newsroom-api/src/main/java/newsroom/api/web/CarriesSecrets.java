package newsroom.api.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that an endpoint's request or answer carries a secret (a password, a one-time password, an API token's
 * secret, a feed token, a webhook secret), so nothing of it may be kept: such an endpoint ignores
 * {@code Idempotency-Key} and runs again on a retry. The endpoint says so itself, next to its mapping, so the
 * decision follows the route Spring MVC dispatches to, however the path was spelled.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CarriesSecrets {
}
