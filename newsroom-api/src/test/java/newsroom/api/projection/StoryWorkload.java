package newsroom.api.projection;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import newsroom.api.channel.StandardChannels;
import newsroom.channel.Channel;
import newsroom.governance.ApprovalPolicy;
import newsroom.story.Approval;
import newsroom.story.ApprovalGrantedEvent;
import newsroom.story.ApprovalWithdrawnEvent;
import newsroom.story.Audience;
import newsroom.story.ChangesRequestedEvent;
import newsroom.story.DraftEditedEvent;
import newsroom.story.PitchAcceptedEvent;
import newsroom.story.PitchDeclinedEvent;
import newsroom.story.PlacementCancelledEvent;
import newsroom.story.PlacementPlannedEvent;
import newsroom.story.PlacementPublishedEvent;
import newsroom.story.PlacementRescheduledEvent;
import newsroom.story.Priority;
import newsroom.story.StoryApprovedEvent;
import newsroom.story.StoryCommentedEvent;
import newsroom.story.StoryContent;
import newsroom.story.StoryKilledEvent;
import newsroom.story.StoryPitchedEvent;
import newsroom.story.StorySubmittedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/**
 * A realistic, reproducible stream of story commits for benchmarks: about 40 stories in work at once,
 * each pitched, accepted, edited, placed on two or three channels, commented on with mentions,
 * submitted, sometimes sent back, approved step by step, rescheduled, published, now and then declined,
 * cancelled or killed. Each commit is the events of one command, as the aggregate would record them.
 * Written straight into the event store, so filling 100,000 events takes seconds, not a command each.
 */
public final class StoryWorkload {

    /** The newsroom's channels but the rarely used livestream, event and Facebook ones. */
    private static final List<Channel> CHANNELS = StandardChannels.ALL.stream().map(StandardChannels.SeedChannel::channel)
            .filter(channel -> !List.of("livestream", "event", "facebook").contains(channel.id())).toList();
    private static final String[] CONTRIBUTORS = {"carla", "eddie", "hugo"};
    private static final String[] LEADS = {"grace", "lena"};
    private static final String[] DESKS = {"HR", "newsdesk", "product", "investor-relations", "sales"};
    private static final LocalDate FIRST_DAY = LocalDate.of(2027, 1, 1);
    private static final int ACTIVE_STORIES = 40;

    private final Random random = new Random(20_270_304L);
    private final ApprovalPolicy policy = ApprovalPolicy.standard();
    private final List<StoryRun> active = new ArrayList<>();
    private Instant clock = Instant.parse("2026-11-01T08:00:00Z");
    private int storyCount;
    private long events;

    /** The next commit (one command's events), or an empty list never: a new story starts when one ends. */
    public List<DomainEventMessage<?>> nextCommit() {
        while (active.size() < ACTIVE_STORIES) {
            active.add(new StoryRun("bench-story-" + storyCount++));
        }
        int pick = random.nextInt(active.size());
        StoryRun story = active.get(pick);
        clock = clock.plusSeconds(20 + random.nextInt(60));
        List<DomainEventMessage<?>> commit = story.step();
        if (story.done) {
            active.remove(pick);
        }
        events += commit.size();
        return commit;
    }

    public long events() {
        return events;
    }

    /** The time of the latest commit: events run from 2026-11-01 08:00 UTC to here. */
    public Instant clock() {
        return clock;
    }

    public int stories() {
        return storyCount;
    }

    /** One story moving through the workflow, one command per step. */
    private final class StoryRun {

        private final String storyId;
        private final String pitchedBy = CONTRIBUTORS[random.nextInt(CONTRIBUTORS.length)];
        private final Map<String, PlacementPlannedEvent> planned = new LinkedHashMap<>();
        private final Set<String> open = new TreeSet<>();
        private final List<Approval> grants = new ArrayList<>();
        private final List<DomainEventMessage<?>> commit = new ArrayList<>();
        private StoryContent content;
        private long seq = -1;
        private long contentVersion = 1;
        private int stage;
        private boolean inReview;
        private boolean approved;
        private boolean sentBack;
        private boolean done;

        StoryRun(String storyId) {
            this.storyId = storyId;
        }

        List<DomainEventMessage<?>> step() {
            commit.clear();
            switch (stage++) {
                case 0 -> pitch();
                case 1 -> accept();
                case 2 -> edit("eddie");
                case 3, 4 -> plan();
                case 5 -> maybePlanThird();
                case 6 -> comment();
                case 7 -> submit();
                case 8 -> reviewOrSendBack();
                case 9 -> editAfterSendBackOrApprove();
                case 10 -> submitAgainOrApprove();
                case 11 -> approveRemaining();
                case 12 -> rescheduleOrComment();
                case 13 -> publishOrCancel();
                default -> finish();
            }
            return List.copyOf(commit);
        }

        private void pitch() {
            content = content("Story " + storyId + " v1");
            add(pitchedBy, new StoryPitchedEvent(storyId, content, pitchedBy, clock));
            if (random.nextInt(100) < 8) { // some pitches are declined the next time the desk looks
                stage = 100;
            }
        }

        private void accept() {
            add("eddie", new PitchAcceptedEvent(storyId, "eddie", random.nextBoolean() ? pitchedBy : "carla"));
        }

        private void edit(String editor) {
            content = content("Story " + storyId + " v" + (contentVersion + 1));
            contentVersion++;
            add(editor, new DraftEditedEvent(storyId, content, editor, contentVersion));
            withdrawIfUnderReview(editor);
        }

        private void plan() {
            Channel channel = CHANNELS.get(random.nextInt(CHANNELS.size()));
            String placementId = channel.id() + "-" + planned.size();
            contentVersion++;
            PlacementPlannedEvent event = new PlacementPlannedEvent(storyId, placementId, channel.id(), channel.name(),
                    channel.kind(), policy.stepsFor(channel.kind()), slot(), "Text for " + channel.name() + " about "
                    + content.title(), "eddie", contentVersion);
            planned.put(placementId, event);
            open.add(placementId);
            add("eddie", event);
            withdrawIfUnderReview("eddie");
        }

        private void maybePlanThird() {
            if (random.nextBoolean()) {
                plan();
            } else {
                comment();
            }
        }

        private void comment() {
            String author = random.nextBoolean() ? "eddie" : pitchedBy;
            Set<String> mentions = random.nextInt(3) == 0 ? Set.of(LEADS[random.nextInt(LEADS.length)]) : Set.of();
            add(author, new StoryCommentedEvent(storyId, storyId + "-c" + seq, "Please check the figures"
                    + (mentions.isEmpty() ? "" : " @" + mentions.iterator().next()), mentions, author, clock));
        }

        private void submit() {
            add(pitchedBy, new StorySubmittedEvent(storyId, pitchedBy, contentVersion, requiredSteps()));
            inReview = true;
            grants.clear();
        }

        private void reviewOrSendBack() {
            if (random.nextInt(100) < 20) {
                add("grace", new ChangesRequestedEvent(storyId, "grace", "Sharpen the angle", contentVersion));
                inReview = false;
                sentBack = true;
                grants.clear();
            } else {
                grant();
            }
        }

        private void editAfterSendBackOrApprove() {
            if (sentBack) {
                edit(pitchedBy);
            } else {
                grant();
            }
        }

        private void submitAgainOrApprove() {
            if (sentBack) {
                submit();
                sentBack = false;
            }
            grant();
        }

        private void approveRemaining() {
            while (inReview) {
                grant();
            }
        }

        private void grant() {
            if (approved || !inReview) {
                return;
            }
            Set<String> pending = new TreeSet<>(requiredSteps());
            grants.forEach(granted -> pending.remove(granted.step()));
            String step = pending.iterator().next();
            pending.remove(step);
            String approver = grants.isEmpty() ? LEADS[random.nextInt(LEADS.length)]
                    : grants.get(0).approvedBy().equals("grace") ? "lena" : "grace";
            grants.add(new Approval(step, approver, contentVersion));
            add(approver, new ApprovalGrantedEvent(storyId, step, approver, contentVersion, pending));
            if (pending.isEmpty()) {
                add(approver, new StoryApprovedEvent(storyId, contentVersion, List.copyOf(grants)));
                approved = true;
                inReview = false;
            }
        }

        private void rescheduleOrComment() {
            if (random.nextInt(100) < 10) { // a late edit withdraws the approval; the story is submitted again
                edit("eddie");
            } else if (!open.isEmpty() && random.nextInt(100) < 35) {
                String placementId = open.iterator().next();
                PlacementPlannedEvent placement = planned.get(placementId);
                Instant moved = slot();
                add("eddie", new PlacementRescheduledEvent(storyId, placementId, placement.slot(), moved, "eddie"));
            } else {
                comment();
            }
        }

        private void publishOrCancel() {
            for (String placementId : List.copyOf(open)) {
                if (random.nextInt(100) < 10) {
                    add("eddie", new PlacementCancelledEvent(storyId, placementId, "not needed", "eddie"));
                } else {
                    PlacementPlannedEvent placement = planned.get(placementId);
                    List<Approval> approvals = grants.stream()
                            .filter(grant -> placement.requiredApprovalSteps().contains(grant.step())).toList();
                    add("eddie", new PlacementPublishedEvent(storyId, placementId, placement.channelId(), "eddie",
                            clock, contentVersion, approvals));
                }
                open.remove(placementId);
                if (!open.isEmpty() && random.nextInt(100) < 5) { // sometimes the story is stopped before the rest goes out
                    add("grace", new StoryKilledEvent(storyId, "plans changed", "grace", List.copyOf(open)));
                    break;
                }
            }
            done = true;
        }

        private void finish() {
            // reached only by declined pitches
            add("eddie", new PitchDeclinedEvent(storyId, "eddie", "not for us"));
            done = true;
        }

        private void withdrawIfUnderReview(String by) {
            if (inReview || approved) {
                add(by, new ApprovalWithdrawnEvent(storyId, "content changed", contentVersion, List.copyOf(grants), by));
                inReview = false;
                approved = false;
                grants.clear();
                stage = Math.min(stage, 7); // submit again
            }
        }

        private Set<String> requiredSteps() {
            Set<String> steps = new TreeSet<>();
            open.forEach(id -> steps.addAll(planned.get(id).requiredApprovalSteps()));
            return steps.isEmpty() ? policy.stepsFor(List.of()) : steps;
        }

        private StoryContent content(String title) {
            return new StoryContent(title, "Why it matters for " + DESKS[storyCount % DESKS.length],
                    "Body of " + title + ". ".repeat(20), DESKS[Math.abs(storyId.hashCode()) % DESKS.length],
                    Audience.values()[Math.abs(storyId.hashCode()) % Audience.values().length], "campaign-"
                    + (Math.abs(storyId.hashCode()) % 6), random.nextInt(10) == 0 ? Priority.HIGH : Priority.NORMAL,
                    null, null);
        }

        /** A slot on a weekday of the year 2027, busy on Tuesdays to Thursdays, between 06:00 and 20:00. */
        private Instant slot() {
            LocalDate day;
            do {
                day = FIRST_DAY.plusDays(random.nextInt(365));
            } while (day.getDayOfWeek() == DayOfWeek.SATURDAY && random.nextInt(4) != 0
                    || day.getDayOfWeek() == DayOfWeek.SUNDAY && random.nextInt(4) != 0
                    || (day.getDayOfWeek() == DayOfWeek.MONDAY || day.getDayOfWeek() == DayOfWeek.FRIDAY)
                    && random.nextBoolean());
            return day.atStartOfDay().toInstant(ZoneOffset.UTC)
                    .plus(Duration.ofMinutes(6 * 60 + 15L * random.nextInt(56)));
        }

        private void add(String user, Object payload) {
            seq++;
            commit.add(new GenericDomainEventMessage<>("Story", storyId, seq, payload,
                    Map.of("username", user, "correlationId", storyId + "-" + stage), storyId + "#" + seq, clock));
        }
    }
}
