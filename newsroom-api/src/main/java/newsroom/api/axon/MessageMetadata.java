package newsroom.api.axon;

/** Metadata keys every command carries and Axon copies onto the events it causes. */
public final class MessageMetadata {

    /** The authenticated user who issued the command. */
    public static final String USERNAME = "username";
    /** Axon's own key: the id of the message that started the chain (the command for its events). */
    public static final String CORRELATION_ID = "correlationId";

    private MessageMetadata() {
    }
}
