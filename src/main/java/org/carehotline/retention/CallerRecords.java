package org.carehotline.retention;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

import com.mongodb.client.model.Projections;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.carehotline.reports.CoverageFigures;

/**
 * The callers behind swept cases. A caller profile is nothing but identity (number, name, plate,
 * employer) once its cases are gone, so a caller with no case left goes too, except:
 * a registered worker (the union's roll, kept by the registry import) stays as imported, and a
 * worker who refused surveys keeps the number and the refusal, so that no later case calls them. Blocking.
 */
final class CallerRecords {

    private static final List<String> IDENTITY = List.of("name", "plate", "employer", "occupation", "region",
            "dialect", "lastCounselorId", "highRisk");

    private final CaseCollections c;

    CallerRecords(CaseCollections collections) {
        this.c = collections;
    }

    /**
     * Marks the registered workers reached on these cases (a number on a contact or on a tried
     * follow-up, as the coverage report reads it) before those numbers are blanked or deleted.
     */
    void keepReached(List<String> caseIds) {
        Set<String> phones = new HashSet<>();
        c.contacts().find(CaseCollections.ofCases(caseIds)).projection(Projections.include("phone"))
                .forEach(d -> addPhone(d, phones));
        c.followUps().find(and(CaseCollections.ofCases(caseIds), exists("attempts.0")))
                .projection(Projections.include("phone")).forEach(d -> addPhone(d, phones));
        if (!phones.isEmpty()) {
            c.callers().updateMany(and(in("phone", phones), eq("registered", true)), set(CoverageFigures.REACHED, true));
        }
    }

    private static void addPhone(Document d, Set<String> phones) {
        if (d.get("phone") instanceof String phone && !phone.isEmpty()) {
            phones.add(phone);
        }
    }

    /**
     * What {@link #release} would change once these cases are gone: the callers all of whose
     * cases are among them.
     *
     * @param goingByCaller per caller id, how many of its cases go
     */
    long countReleasable(Map<String, Integer> goingByCaller) {
        Map<String, Integer> everywhere = new HashMap<>();
        c.cases().find(in("callerId", goingByCaller.keySet())).projection(Projections.include("callerId"))
                .forEach(d -> everywhere.merge(d.getString("callerId"), 1, Integer::sum));
        return goingByCaller.entrySet().stream().filter(e -> e.getValue().equals(everywhere.get(e.getKey())))
                .filter(e -> releasable(e.getKey()) != null).count();
    }

    /** Deletes or reduces the callers among these that no case names any more; returns how many changed. */
    long release(Collection<String> callerIds, Instant now) {
        Set<String> named = new HashSet<>();
        c.cases().find(in("callerId", callerIds)).projection(Projections.include("callerId"))
                .forEach(d -> named.add(d.getString("callerId")));
        long changed = 0;
        for (String id : callerIds) {
            Document caller = named.contains(id) ? null : releasable(id);
            if (caller == null) {
                continue;
            }
            if (caller.getBoolean("surveyOptOut", false)) {
                changed += c.callers().updateOne(eq("_id", caller.get("_id")), combine(
                        combine(IDENTITY.stream().map(f -> unset(f)).toList()),
                        set(LogRetention.ANONYMISED_AT, Date.from(now)))).getModifiedCount();
            } else {
                changed += c.callers().deleteOne(eq("_id", caller.get("_id"))).getDeletedCount();
            }
        }
        return changed;
    }

    /** The caller if a sweep may change it: not a registered worker, not already reduced. */
    private Document releasable(String callerId) {
        if (!ObjectId.isValid(callerId)) {
            return null;
        }
        Document caller = c.callers().find(eq("_id", new ObjectId(callerId))).first();
        return caller == null || caller.getBoolean("registered", false) || caller.containsKey(LogRetention.ANONYMISED_AT)
                ? null : caller;
    }

    static java.util.Optional<String> callerId(Document caseDoc) {
        return java.util.Optional.ofNullable(caseDoc.getString("callerId"));
    }
}
