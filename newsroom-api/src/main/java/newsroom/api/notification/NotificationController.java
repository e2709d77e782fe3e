package newsroom.api.notification;

import java.util.List;

import newsroom.api.security.Permissions;
import newsroom.people.Action;
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

    @GetMapping("/api/notifications")
    List<Notification> mine() {
        return inbox.latest(permissions.require(Action.READ).username());
    }
}
