package newsroom.api.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

class ReadModelProgressTest {

    private static final Duration NEVER = Duration.ofMinutes(10);

    /** A read model document: the version of its aggregate it shows. */
    private final AtomicLong shown = new AtomicLong(-1);
    private final AtomicInteger reads = new AtomicInteger();

    private Optional<Long> read() {
        long value = shown.get(); // before counting the read: a test that saw the count knows what it read
        reads.incrementAndGet();
        return value < 0 ? Optional.empty() : Optional.of(value);
    }

    private static AppliedEvent applied(String readModel, String storyId, long version) {
        return AppliedEvent.of(readModel, new GenericDomainEventMessage<>("Story", storyId, version, "payload"));
    }

    @Test
    void aCallerWaitingForItsVersionAnswersWhenTheProjectionAnnouncesItWithoutPollingMeanwhile() throws Exception {
        // the processor runs here and never re-checks on its own: only the announcement can wake the caller
        ReadModelProgress progress = new ReadModelProgress(readModel -> true, NEVER, NEVER);
        CompletableFuture<Optional<Long>> answer = CompletableFuture.supplyAsync(() ->
                progress.awaitVersion("stories", "s1", 3, this::read, version -> version, Duration.ofSeconds(30)));
        while (progress.waiting() == 0 || reads.get() == 0) { // waiting, and has seen the read model before the change
            Thread.onSpinWait();
        }
        shown.set(3);
        progress.announce(List.of(applied("stories", "other", 9), applied("calendar", "s1", 3)));
        assertThat(answer).isNotDone(); // another story, another read model: not what it waits for
        progress.announce(List.of(applied("stories", "s1", 3)));

        assertThat(answer.get(10, TimeUnit.SECONDS)).contains(3L);
        assertThat(reads.get()).isEqualTo(2); // once before waiting, once after the announcement
        assertThat(progress.waiting()).isZero();
    }

    @Test
    void aCallerWaitingForTheVersionAfterTheLastAnnouncedReadsOnlyOnceItIsAnnounced() throws Exception {
        ReadModelProgress progress = new ReadModelProgress(readModel -> true, NEVER, NEVER);
        shown.set(2);
        progress.announce(List.of(applied("stories", "s1", 2)));
        CompletableFuture<Optional<Long>> answer = CompletableFuture.supplyAsync(() ->
                progress.awaitVersion("stories", "s1", 3, this::read, version -> version, Duration.ofSeconds(30)));
        while (progress.waiting() == 0) {
            Thread.onSpinWait();
        }
        assertThat(reads.get()).isZero(); // version 2 was the last announced: the read model cannot show 3 yet
        shown.set(3);
        progress.announce(List.of(applied("stories", "s1", 3)));

        assertThat(answer.get(10, TimeUnit.SECONDS)).contains(3L);
        assertThat(reads.get()).isEqualTo(1);
    }

    @Test
    void aVersionAnnouncedBeforeTheCallerAskedIsReadAtOnce() {
        ReadModelProgress progress = new ReadModelProgress(readModel -> true, NEVER, NEVER);
        shown.set(3);
        progress.announce(List.of(applied("stories", "s1", 3)));

        assertThat(progress.awaitVersion("stories", "s1", 3, this::read, version -> version, Duration.ofSeconds(30)))
                .contains(3L);
        assertThat(reads.get()).isEqualTo(1);
    }

    @Test
    void aVersionTheReadModelAlreadyShowsIsAnsweredAtOnce() {
        ReadModelProgress progress = new ReadModelProgress(readModel -> true, NEVER, NEVER);
        shown.set(5);

        assertThat(progress.awaitVersion("stories", "s1", 4, this::read, version -> version, Duration.ofSeconds(30)))
                .contains(5L);
        assertThat(reads.get()).isEqualTo(1);
    }

    @Test
    void whenTheProcessorRunsOnAnotherInstanceTheCallerFindsTheChangeByLookingAgain() throws Exception {
        ReadModelProgress progress = new ReadModelProgress(readModel -> false, NEVER, Duration.ofMillis(10));
        CompletableFuture<Optional<Long>> answer = CompletableFuture.supplyAsync(() ->
                progress.awaitVersion("stories", "s1", 2, this::read, version -> version, Duration.ofSeconds(30)));
        while (progress.waiting() == 0) {
            Thread.onSpinWait();
        }
        shown.set(2); // written by the other instance: nothing is announced here

        assertThat(answer.get(10, TimeUnit.SECONDS)).contains(2L);
    }

    @Test
    void afterTheTimeoutTheCallerGetsWhatTheReadModelShows() {
        ReadModelProgress progress = new ReadModelProgress(readModel -> true, NEVER, NEVER);
        shown.set(1);

        assertThat(progress.awaitVersion("stories", "s1", 7, this::read, version -> version, Duration.ofMillis(50)))
                .contains(1L);
        assertThat(progress.waiting()).isZero();
    }

    @Test
    void listenersHearEveryAnnouncedBatchInOrder() {
        ReadModelProgress progress = new ReadModelProgress(readModel -> true, NEVER, NEVER);
        List<String> heard = new CopyOnWriteArrayList<>();
        progress.subscribe(batch -> batch.forEach(event -> heard.add(event.readModel() + ":" + event.aggregateId()
                + "@" + event.version())));

        progress.announce(List.of(applied("stories", "a", 0), applied("stories", "b", 0)));
        progress.announce(List.of());
        progress.announce(List.of(applied("calendar", "a", 0)));

        assertThat(heard).containsExactly("stories:a@0", "stories:b@0", "calendar:a@0");
    }
}
