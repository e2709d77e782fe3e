package newsroom.people;

/** What can be done to one user account (see {@link AccountActions} for who may, now). */
public enum AccountAction {
    CHANGE_ROLES,
    CHANGE_GROUPS,
    DISABLE,
    RE_ENABLE,
    RESET_PASSWORD,
    CHANGE_PASSWORD
}
