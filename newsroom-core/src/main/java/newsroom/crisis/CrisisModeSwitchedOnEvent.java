package newsroom.crisis;

import java.time.Instant;

/** Crisis mode is on: every scheduled placement is to be paused, and only governance leads schedule or publish. */
public record CrisisModeSwitchedOnEvent(String crisisId, String reason, String switchedOnBy, Instant switchedOnAt) {
}
