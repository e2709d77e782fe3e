package newsroom.api.notification;

import java.util.ArrayList;
import java.util.List;

import newsroom.api.security.Permissions;
import newsroom.people.Action;
import newsroom.people.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** My latest notifications, newest first (the same ones pushed to {@code /user/queue/notifications}). */
@RestController
class NotificationController {

    private final NotificationInbox inbox;
    private final Permissions permissions;

    NotificationController(NotificationInbox inbox, Permissions permissions) {
        this.inbox = inbox;
        this.permissions = permissions;
    }

    /** My own inbox and those of my roles, without what I did myself. */
    @GetMapping("/api/notifications")
    List<Notification> mine() {
        Actor me = permissions.require(Action.READ);
        List<String> keys = new ArrayList<>();
        keys.add(Recipient.person(me.username()).key());
        me.roles().stream().sorted().forEach(role -> keys.add(Recipient.everyone(role).key()));
        return inbox.load(keys).values().stream().flatMap(List::stream)
                .filter(notification -> !me.username().equals(notification.by()))
                .sorted(NotificationInbox.NEWEST_FIRST)
                .limit(NotificationInbox.KEEP)
                .toList();
    }
}
