package newsroom.api.audit;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import com.fasterxml.jackson.annotation.JsonInclude;
import newsroom.api.security.Permissions;
import newsroom.api.storage.HashChain;
import newsroom.api.storage.MongoEventStorageEngine;
import newsroom.api.web.BadRequest;
import newsroom.api.web.CsvExport;
import newsroom.api.web.InputRule;
import newsroom.people.Action;
import newsroom.people.Actor;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for auditors and admins ({@code READ_AUDIT_TRAIL}): searches over the whole record, newest
 * first, and the same search as a CSV or JSON download. Every read is itself recorded.
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    /** The most entries one export holds; a larger result asks for a narrower search. */
    static final int MAX_EXPORT = 10_000;

    private final AuditSearch search;
    private final AuditTrailReads reads;
    private final Permissions permissions;
    private final Publications publications;
    private final MongoEventStorageEngine events;
    private final Checkpoints checkpoints;

    AuditController(AuditSearch search, AuditTrailReads reads, Permissions permissions, Publications publications,
                    MongoEventStorageEngine events, Checkpoints checkpoints) {
        this.search = search;
        this.reads = reads;
        this.permissions = permissions;
        this.publications = publications;
        this.events = events;
        this.checkpoints = checkpoints;
    }

    /**
     * The result of recomputing the hash chain: {@code intact}, how many commits were checked, the head and
     * its hash, and the first commit that does not match; with a kept checkpoint, what it says as well (a
     * checkpoint that is not ours is not compared, so it changes nothing else).
     */
    record VerifyAnswer(boolean intact, long commits, long head, String headHash, Long firstBadCommit, String problem,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Checkpoints.CheckpointCheck checkpoint) {

        static VerifyAnswer of(HashChain.Verification verification, Checkpoints.CheckpointCheck checkpoint) {
            boolean intact = verification.intact() && (checkpoint == null || !Boolean.FALSE.equals(checkpoint.matches()));
            return new VerifyAnswer(intact, verification.commits(), verification.head(), verification.headHash(),
                    verification.firstBadCommit(), verification.problem(), checkpoint);
        }
    }

    @GetMapping("/verify")
    VerifyAnswer verify() {
        Actor reader = permissions.require(Action.READ_AUDIT_TRAIL);
        VerifyAnswer answer = VerifyAnswer.of(events.verifyChain(-1), null);
        reads.record(reader, "verify", "", "json", answer.commits());
        return answer;
    }

    /** Verifies the chain and that it still arrives at a kept checkpoint's hash. */
    @PostMapping("/verify")
    VerifyAnswer verifyAgainst(@Valid @RequestBody Checkpoints.Checkpoint checkpoint) {
        Actor reader = permissions.require(Action.READ_AUDIT_TRAIL);
        Checkpoints.Verified verified = checkpoints.verify(checkpoint);
        VerifyAnswer answer = VerifyAnswer.of(verified.chain(), verified.checkpoint());
        reads.record(reader, "verify", "checkpoint=" + checkpoint.commit(), "json", answer.commits());
        return answer;
    }

    /** A signed checkpoint of the chain's head, for the auditor to keep outside Newsroom. */
    @PostMapping("/checkpoints")
    Checkpoints.Checkpoint checkpoint() {
        Actor reader = permissions.require(Action.READ_AUDIT_TRAIL);
        Checkpoints.Checkpoint checkpoint = checkpoints.issue();
        reads.record(reader, "checkpoint", "", "json", checkpoint.commit() + 1);
        return checkpoint;
    }

    /** Who published what: publications (filtered like {@code /events}) with their text and approval chain. */
    @GetMapping("/publications")
    Publications.PublicationPage publications(@Valid @ParameterObject PublicationQuery query,
                                              HttpServletRequest request) {
        Actor reader = permissions.require(Action.READ_AUDIT_TRAIL);
        AuditQuery search = query.toAuditQuery();
        requireRange(search);
        Publications.PublicationPage page = publications.page(search);
        reads.record(reader, "publications", request.getQueryString(), "json", page.publications().size());
        return page;
    }

    @GetMapping("/events")
    AuditSearch.AuditPage events(@Valid @ParameterObject AuditQuery query, HttpServletRequest request) {
        Actor reader = permissions.require(Action.READ_AUDIT_TRAIL);
        requireRange(query);
        AuditSearch.AuditPage page = search.page(query);
        reads.record(reader, "events", request.getQueryString(), "json", page.entries().size());
        return page;
    }

    @GetMapping(value = "/events/export.csv", produces = {CsvExport.TEXT_CSV_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<String> csv(@Valid @ParameterObject AuditQuery query, HttpServletRequest request) {
        Actor reader = permissions.require(Action.READ_AUDIT_TRAIL);
        List<AuditEntry> entries = exported(query);
        CsvExport csv = CsvExport.withHeader("at", "by", "action", "story_id", "placement_id", "channels", "campaign",
                "reason", "correlation_id", "position", "aggregate_type", "aggregate_id", "version", "data");
        for (AuditEntry entry : entries) {
            csv.row(entry.at(), entry.by(), entry.action(), entry.storyId(), entry.placementId(),
                    String.join(" ", entry.channels()), entry.campaign(), entry.reason(), entry.correlationId(),
                    entry.position(), entry.aggregateType(), entry.aggregateId(), entry.version(),
                    entry.data().toString());
        }
        reads.record(reader, "events", request.getQueryString(), "csv", entries.size());
        return csv.download("newsroom-audit.csv");
    }

    @GetMapping(value = "/events/export.json", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<List<AuditEntry>> json(@Valid @ParameterObject AuditQuery query, HttpServletRequest request) {
        Actor reader = permissions.require(Action.READ_AUDIT_TRAIL);
        List<AuditEntry> entries = exported(query);
        reads.record(reader, "events", request.getQueryString(), "json-export", entries.size());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"newsroom-audit.json\"")
                .body(entries);
    }

    /** Every match of the search (not only a page), newest first. */
    private List<AuditEntry> exported(AuditQuery query) {
        requireRange(query);
        AuditSearch.Matches matches = search.all(query, MAX_EXPORT);
        if (matches.total() > MAX_EXPORT) {
            throw new BadRequest("from", InputRule.MAX_EXPORT, "an export holds at most " + MAX_EXPORT
                    + " entries and this search has " + matches.total() + ": narrow it (a shorter time range, a filter)");
        }
        return search.entries(matches.ids());
    }

    static void requireRange(AuditQuery query) {
        if (query.from() != null && query.to() != null && !query.to().isAfter(query.from())) {
            throw new BadRequest("to", InputRule.AFTER_FROM, "'to' must be after 'from'");
        }
    }
}
