package newsroom.people;

/** The roles of DOMAIN.md, plus the auditor who checks the record. A user may hold several. */
public enum Role {
    CONTRIBUTOR,
    EDITOR,
    GOVERNANCE_LEAD,
    ADMIN,
    VIEWER,
    /** Reads everything, including who changed which account and, with the audit view, the audit trail; changes nothing. */
    AUDITOR
}
