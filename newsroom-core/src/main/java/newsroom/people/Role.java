package newsroom.people;

/** The roles of DOMAIN.md. A user may hold several. */
public enum Role {
    CONTRIBUTOR,
    EDITOR,
    GOVERNANCE_LEAD,
    ADMIN,
    VIEWER
}
