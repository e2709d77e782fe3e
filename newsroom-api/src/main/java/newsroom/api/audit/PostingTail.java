package newsroom.api.audit;

/**
 * The end of a posting list that a batch of events appends to: its entries from block {@code firstBlock} on (the
 * last block, or the whole list from block 0 when an entry must go before the last block: a replayed event).
 */
record PostingTail(String key, int firstBlock, PostingList list) {

    /** Whether the entry's place is in this tail: after the blocks before it. */
    boolean covers(long entryId) {
        return firstBlock == 0 || list.size() > 0 && entryId >= list.id(0);
    }
}
