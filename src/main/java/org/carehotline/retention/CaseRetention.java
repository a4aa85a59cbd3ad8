package org.carehotline.retention;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.carehotline.cases.CaseStatus;
import org.carehotline.followups.FollowUpStatus;

/**
 * Finds the closed cases past their period, in batches in id order, and hands those without an
 * open follow-up or survey to the anonymiser or the deleter. A case that is not closed is never
 * read; one closed but with a follow-up still pending (or being dialed) is counted as kept and
 * left as it is. A case's period runs from its last change ({@code updatedAt}, set by the close
 * and by anything written on it later). Blocking.
 */
final class CaseRetention {

    /** Case numbers a result lists, for the page. */
    static final int SAMPLE = 20;

    private final CaseCollections c;
    private final CallerRecords callers;
    private final CaseBatchAction anonymiser;
    private final CaseBatchAction deleter;

    CaseRetention(CaseCollections collections) {
        this.c = collections;
        this.callers = new CallerRecords(collections);
        this.anonymiser = new CaseAnonymiser(collections, callers);
        this.deleter = new CaseDeleter(collections, callers);
    }

    /**
     * Sweeps (or, with {@code dryRun}, counts) the closed cases last changed before the cutoff.
     *
     * @param afterBatch called after each batch (the sweep renews its lock there)
     */
    CaseCounts run(RetentionAction action, Instant cutoff, Instant now, int batchSize, boolean dryRun,
                   Runnable afterBatch) {
        CaseBatchAction work = action == RetentionAction.DELETE ? deleter : anonymiser;
        long cases = 0;
        long kept = 0;
        CaseTally tally = CaseTally.ZERO;
        List<String> sample = new ArrayList<>();
        Map<String, Integer> goingByCaller = new HashMap<>();
        ObjectId after = null;
        while (true) {
            List<Document> batch = c.cases().find(pastPeriod(action, cutoff, after)).sort(Sorts.ascending("_id"))
                    .limit(batchSize).into(new ArrayList<>());
            if (batch.isEmpty()) {
                break;
            }
            after = batch.get(batch.size() - 1).getObjectId("_id");
            Set<String> open = withOpenWork(CaseBatchAction.ids(batch));
            List<Document> eligible = batch.stream().filter(d -> !open.contains(d.getObjectId("_id").toHexString()))
                    .toList();
            kept += batch.size() - eligible.size();
            if (!eligible.isEmpty()) {
                CaseBatchAction.Applied applied = dryRun
                        ? new CaseBatchAction.Applied(eligible.stream().map(d -> d.getString("number")).toList(),
                        work.count(eligible))
                        : work.apply(eligible, now);
                if (dryRun) {
                    eligible.forEach(d -> CallerRecords.callerId(d).ifPresent(id -> goingByCaller.merge(id, 1,
                            Integer::sum)));
                }
                cases += applied.numbers().size();
                tally = tally.plus(applied.tally());
                applied.numbers().stream().limit(Math.max(0, SAMPLE - sample.size())).forEach(sample::add);
            }
            afterBatch.run();
            if (batch.size() < batchSize) {
                break;
            }
        }
        long releasedCallers = dryRun ? callers.countReleasable(goingByCaller) : tally.callers();
        return new CaseCounts(cases, tally.contacts(), tally.notes(), tally.followUps(), tally.attached(),
                releasedCallers, kept, sample);
    }

    private static Bson pastPeriod(RetentionAction action, Instant cutoff, ObjectId after) {
        List<Bson> filters = new ArrayList<>(List.of(eq("status", CaseStatus.CLOSED.name()), ne("updatedAt", null),
                lt("updatedAt", Date.from(cutoff))));
        if (action == RetentionAction.ANONYMISE) {
            filters.add(exists(LogRetention.ANONYMISED_AT, false));
        }
        if (after != null) {
            filters.add(gt("_id", after));
        }
        return and(filters);
    }

    /** The cases among these with a follow-up or survey waiting or being dialed. */
    private Set<String> withOpenWork(List<String> caseIds) {
        Set<String> open = new HashSet<>();
        c.followUps().find(and(in("caseId", caseIds), in("status", FollowUpStatus.OPEN)))
                .projection(Projections.include("caseId")).forEach(d -> open.add(d.getString("caseId")));
        return open;
    }
}
