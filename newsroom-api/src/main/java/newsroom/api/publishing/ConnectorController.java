package newsroom.api.publishing;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import newsroom.api.channel.ChannelCatalogue;
import newsroom.api.security.Permissions;
import newsroom.api.web.BadRequest;
import newsroom.api.web.CarriesSecrets;
import newsroom.api.web.InputRule;
import newsroom.channel.Channel;
import newsroom.people.Action;
import newsroom.people.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin's settings per channel: the outgoing connector (webhook URL and secret) and what a missed slot does.
 * The secret is write-only: answers only say whether one is set.
 */
@RestController
@RequestMapping("/api/admin")
class ConnectorController {

    static final int MIN_SECRET_LENGTH = 24;
    static final int MAX_SECRET_LENGTH = 512;

    private final ChannelConnectors connectors;
    private final ChannelCatalogue channels;
    private final Permissions permissions;
    private final Clock clock;

    ConnectorController(ChannelConnectors connectors, ChannelCatalogue channels, Permissions permissions, Clock clock) {
        this.connectors = connectors;
        this.channels = channels;
        this.permissions = permissions;
        this.clock = clock;
    }

    /** A channel's settings as answered: never the secret itself. */
    record ConnectorAnswer(String channelId, String channelName, String url, boolean secretSet, MissedSlot missedSlot,
                           String updatedBy, Instant updatedAt) {

        static ConnectorAnswer of(Channel channel, Connector connector) {
            return new ConnectorAnswer(channel.id(), channel.name(), connector.url(), connector.secret() != null,
                    connector.missedSlot(), connector.updatedBy(), connector.updatedAt());
        }
    }

    /**
     * @param url    where deliveries go (http or https); null for none
     * @param secret the shared signing secret; omit to keep the one set before
     */
    record ConnectorRequest(String url, String secret, @NotNull MissedSlot missedSlot) {

        @Override
        public String toString() {
            return "ConnectorRequest[url=" + url + ", missedSlot=" + missedSlot + "]";
        }
    }

    @GetMapping("/connectors")
    List<ConnectorAnswer> all() {
        permissions.require(Action.MANAGE_CONNECTORS);
        Map<String, Connector> configured = connectors.all();
        return channels.all().stream().map(channel -> ConnectorAnswer.of(channel,
                configured.getOrDefault(channel.id(), Connector.none(channel.id())))).toList();
    }

    @GetMapping("/channels/{channelId}/connector")
    ConnectorAnswer one(@PathVariable String channelId) {
        permissions.require(Action.MANAGE_CONNECTORS);
        Channel channel = channels.find(channelId).orElseThrow(() -> new ChannelNotFound(channelId));
        return ConnectorAnswer.of(channel, connectors.of(channelId));
    }

    @PutMapping("/channels/{channelId}/connector")
    @CarriesSecrets
    ConnectorAnswer set(@PathVariable String channelId, @Valid @RequestBody ConnectorRequest request) {
        Actor admin = permissions.require(Action.MANAGE_CONNECTORS);
        Channel channel = channels.find(channelId).orElseThrow(() -> new ChannelNotFound(channelId));
        String url = request.url() == null || request.url().isBlank() ? null : request.url().strip();
        if (url != null) {
            checkUrl(url);
        }
        String secret = request.secret();
        if (secret != null && (secret.length() < MIN_SECRET_LENGTH || secret.length() > MAX_SECRET_LENGTH)) {
            throw new BadRequest("secret", InputRule.WEBHOOK_SECRET_LENGTH, "The secret must be "
                    + MIN_SECRET_LENGTH + " to " + MAX_SECRET_LENGTH + " characters long.");
        }
        if (url != null && secret == null && connectors.of(channelId).secret() == null) {
            throw new BadRequest("secret", InputRule.WEBHOOK_SECRET_REQUIRED,
                    "A connector needs a secret to sign its deliveries with.");
        }
        connectors.save(channelId, url, secret, request.missedSlot(), admin.username(), clock.instant());
        return ConnectorAnswer.of(channel, connectors.of(channelId));
    }

    private static void checkUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getUserInfo() == null
                    && uri.getFragment() == null) {
                return;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw new BadRequest("url", InputRule.WEBHOOK_URL,
                "The URL must be an absolute http or https address without user name or fragment.");
    }
}
