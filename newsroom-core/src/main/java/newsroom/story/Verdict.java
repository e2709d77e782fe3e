package newsroom.story;

import java.util.function.Supplier;

/** The answer of one rule check: allowed, or refused with the first {@link Refusal} found. */
final class Verdict {

    static final Verdict ALLOWED = new Verdict(null);

    private final Refusal refusal;

    private Verdict(Refusal refusal) {
        this.refusal = refusal;
    }

    static Verdict refused(Refusal refusal) {
        return new Verdict(refusal);
    }

    static Verdict refused(StoryRule rule, String detail) {
        return new Verdict(new Refusal.RuleBroken(rule, detail));
    }

    boolean allowed() {
        return refusal == null;
    }

    /** This refusal, or if allowed the next check's verdict: checks run in order and stop at the first refusal. */
    Verdict then(Supplier<Verdict> next) {
        return refusal != null ? this : next.get();
    }

    /** For command handlers: throws the refusal's exception, so nothing is applied. */
    void enforce() {
        if (refusal != null) {
            throw refusal.toException();
        }
    }
}
