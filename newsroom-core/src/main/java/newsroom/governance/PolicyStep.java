package newsroom.governance;

/**
 * One approval step of a policy: the group whose members sign it (the step is named after it) and how many
 * distinct members must sign.
 */
public record PolicyStep(String group, int signatures) {
}
