package org.carehotline.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/** Every index the code's lookups need, created at startup (idempotent). */
final class IndexSetup {

    private IndexSetup() {
    }

    static void ensure(MongoDatabase db) {
        IndexOptions unique = new IndexOptions().unique(true);
        // callers: looked up by normalized number on every call
        db.getCollection(CollectionNames.CALLERS).createIndex(Indexes.ascending("phone"), unique);
        // cases: by human-readable number; a caller's open case; recent cases for the console
        db.getCollection(CollectionNames.CASES).createIndex(Indexes.ascending("number"), unique);
        db.getCollection(CollectionNames.CASES).createIndex(Indexes.ascending("callerId", "status"));
        db.getCollection(CollectionNames.CASES).createIndex(Indexes.descending("updatedAt"));
        // contacts: by Asterisk channel id (AMI events), by case (timeline), unfinished calls (reconcile)
        db.getCollection(CollectionNames.CONTACTS).createIndex(Indexes.ascending("uniqueId"));
        db.getCollection(CollectionNames.CONTACTS).createIndex(Indexes.ascending("caseId", "startedAt"));
        db.getCollection(CollectionNames.CONTACTS).createIndex(Indexes.ascending("endedAt", "startedAt"));
        // reports: calls by start time; cases by opening; registered workers (coverage)
        db.getCollection(CollectionNames.CONTACTS).createIndex(Indexes.ascending("kind", "startedAt"));
        db.getCollection(CollectionNames.CASES).createIndex(Indexes.ascending("openedAt"));
        db.getCollection(CollectionNames.CALLERS).createIndex(Indexes.ascending("registered"));
        db.getCollection(CollectionNames.CONTACTS).createIndex(Indexes.ascending("phone"));
        db.getCollection(CollectionNames.FOLLOWUPS).createIndex(Indexes.ascending("phone"));
        // counselors: by login and by phone endpoint (device states, dial events)
        db.getCollection(CollectionNames.COUNSELORS).createIndex(Indexes.ascending("login"), unique);
        db.getCollection(CollectionNames.COUNSELORS).createIndex(Indexes.ascending("endpoint"));
        // follow-ups: due work by status and time; per case
        db.getCollection(CollectionNames.FOLLOWUPS).createIndex(Indexes.ascending("status", "dueAt"));
        db.getCollection(CollectionNames.FOLLOWUPS).createIndex(Indexes.ascending("caseId"));
        // console: a counselor's cases, search fields, risk, the board's daily figures, screen pop after reload
        db.getCollection(CollectionNames.CASES).createIndex(Indexes.ascending("ownerId"));
        db.getCollection(CollectionNames.CASES).createIndex(Indexes.ascending("assignedTo"));
        db.getCollection(CollectionNames.CASES).createIndex(Indexes.ascending("status", "updatedAt"));
        db.getCollection(CollectionNames.CASES).createIndex(Indexes.ascending("categories"));
        db.getCollection(CollectionNames.CASES).createIndex(Indexes.ascending("riskLevel"));
        db.getCollection(CollectionNames.CASES).createIndex(Indexes.ascending("openedAt"));
        db.getCollection(CollectionNames.CALLERS).createIndex(Indexes.ascending("name"));
        db.getCollection(CollectionNames.CALLERS).createIndex(Indexes.ascending("plate"));
        db.getCollection(CollectionNames.CONTACTS).createIndex(Indexes.ascending("answeredBy"));
        db.getCollection(CollectionNames.CONTACTS).createIndex(Indexes.ascending("offers.counselorId", "startedAt"));
        db.getCollection(CollectionNames.CONTACTS).createIndex(Indexes.ascending("kind", "startedAt"));
        db.getCollection(CollectionNames.NOTES).createIndex(Indexes.ascending("caseId", "at"));
        db.getCollection(CollectionNames.AUDIT).createIndex(Indexes.descending("at"));
        // follow-ups: claims whose lease lapsed (an instance died)
        db.getCollection(CollectionNames.FOLLOWUPS).createIndex(Indexes.ascending("status", "leaseUntil"));
        // follow-ups: conditional writes by revision and by claim token. Unique, so the embedded
        // server answers them from the index instead of scanning (it has no other real indexes);
        // sparse, because only a claimed follow-up has a token.
        IndexOptions uniqueSparse = new IndexOptions().unique(true).sparse(true);
        db.getCollection(CollectionNames.FOLLOWUPS).createIndex(Indexes.ascending("rev"), uniqueSparse);
        db.getCollection(CollectionNames.FOLLOWUPS).createIndex(Indexes.ascending("claimToken"), uniqueSparse);
        // follow-ups: one satisfaction survey per case, ever (surveyOf = the case id; only surveys have it)
        db.getCollection(CollectionNames.FOLLOWUPS).createIndex(Indexes.ascending("surveyOf"), uniqueSparse);
        // referrals: per case
        db.getCollection(CollectionNames.REFERRALS).createIndex(Indexes.ascending("caseId"));
        // onward referrals: per case (case page), by recording time (reports); emergency records per case
        db.getCollection(CollectionNames.ONWARD_REFERRALS).createIndex(Indexes.ascending("caseId", "createdAt"));
        db.getCollection(CollectionNames.ONWARD_REFERRALS).createIndex(Indexes.ascending("createdAt"));
        db.getCollection(CollectionNames.CRISIS_ALERTS).createIndex(Indexes.ascending("caseId"));
        db.getCollection(CollectionNames.EMERGENCY_CONTACTS).createIndex(Indexes.ascending("caseId", "at"));
        // presence log: reports by time; a counselor's intervals; open intervals (heartbeat, crash recovery)
        db.getCollection(CollectionNames.PRESENCE_LOG).createIndex(Indexes.ascending("from"));
        db.getCollection(CollectionNames.PRESENCE_LOG).createIndex(Indexes.ascending("counselorId", "from"));
        db.getCollection(CollectionNames.PRESENCE_LOG).createIndex(Indexes.ascending("to", "server"));
        // API tokens: found by the hash of the presented secret on every API request
        db.getCollection(CollectionNames.API_TOKENS).createIndex(Indexes.ascending("hash"), unique);
        // line settings: the newest version is found by _id (the version number), which is always indexed
    }
}
