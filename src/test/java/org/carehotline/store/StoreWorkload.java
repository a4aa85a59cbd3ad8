package org.carehotline.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * Writes and long scans on one collection at once, as the line's recorder and scheduler write
 * while the reports read every contact. Every acknowledged write is remembered, and a write sent
 * but not yet acknowledged too, so that the whole collection can be compared afterwards, also
 * after the store was killed in the middle.
 *
 * <p>Each writer owns the documents whose number it was given, so no two writers touch one
 * document and the last acknowledged version of each is known.
 *
 * <p>Not thread-safe for its callers: one test thread starts it, stops it and checks it.
 */
final class StoreWorkload {

    /** Scanned, and written by the first writer (its writes wait for the scans: the collection is locked). */
    private final MongoCollection<Document> contacts;
    /** Written by the other writers meanwhile, as the scheduler writes follow-ups during a report. */
    private final MongoCollection<Document> followUps;
    /** Each document last acknowledged, by collection and id. */
    private final Map<String, Document> acknowledged = new ConcurrentHashMap<>();
    /** Sent and not (yet) acknowledged: after a kill, either this or the acknowledged one is right. */
    private final Map<String, Document> inFlight = new ConcurrentHashMap<>();
    private final Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong scans = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private int loaded;

    StoreWorkload(MongoCollection<Document> contacts, MongoCollection<Document> followUps) {
        this.contacts = contacts;
        this.followUps = followUps;
    }

    /** Inserts this many documents of about 600 bytes into each collection, in batches. */
    void load(int count) {
        Random random = new Random(17);
        for (MongoCollection<Document> collection : List.of(contacts, followUps)) {
            for (int start = 0; start < count; start += 1000) {
                List<Document> batch = new ArrayList<>();
                for (int i = start; i < Math.min(count, start + 1000); i++) {
                    batch.add(document("d" + i, 0, random));
                }
                collection.insertMany(batch);
                batch.forEach(d -> acknowledged.put(key(collection, d), d));
            }
        }
        loaded = count;
    }

    /** This workload with what it wrote so far, on the same collections reached anew (after a restart). */
    StoreWorkload on(MongoCollection<Document> newContacts, MongoCollection<Document> newFollowUps) {
        StoreWorkload moved = new StoreWorkload(newContacts, newFollowUps);
        moved.acknowledged.putAll(acknowledged);
        moved.inFlight.putAll(inFlight);
        moved.loaded = loaded;
        return moved;
    }

    /** Starts the writers (updates of their own documents, some inserts) and the scanners. */
    void start(int writers, int scanners) {
        for (int w = 0; w < writers; w++) {
            int writer = w;
            threads.add(Thread.ofPlatform().name("writer-" + w).start(() -> guarded(() -> write(writer, writers))));
        }
        for (int s = 0; s < scanners; s++) {
            int scanner = s;
            threads.add(Thread.ofPlatform().name("scanner-" + s).start(() -> guarded(() -> scan(scanner))));
        }
    }

    /** Stops every thread and waits for it. */
    void stop() throws InterruptedException {
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
    }

    List<Throwable> errors() {
        return List.copyOf(errors);
    }

    long writes() {
        return writes.get();
    }

    long scans() {
        return scans.get();
    }

    /** Every document of both collections, by collection and id, read through these handles. */
    Map<String, Document> readAll() {
        return readAll(contacts, followUps);
    }

    /** Every document of these collections, by collection and id. */
    static Map<String, Document> readAll(MongoCollection<Document> contacts, MongoCollection<Document> followUps) {
        Map<String, Document> found = new HashMap<>();
        for (MongoCollection<Document> collection : List.of(contacts, followUps)) {
            for (Document d : collection.find().batchSize(5000)) {
                found.put(key(collection, d), d);
            }
        }
        return found;
    }

    /**
     * What is wrong with this content, or an empty list: every acknowledged document must be
     * there as last acknowledged (or as sent afterwards, if that write was in flight), and nothing else.
     */
    List<String> differences(Map<String, Document> found) {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Document> expected : acknowledged.entrySet()) {
            Document actual = found.get(expected.getKey());
            Document sent = inFlight.get(expected.getKey());
            if (!expected.getValue().equals(actual) && (sent == null || !sent.equals(actual))) {
                wrong.add(expected.getKey() + ": expected version " + expected.getValue().get("version") + ", found "
                        + (actual == null ? "nothing" : "version " + actual.get("version")));
            }
        }
        for (String id : found.keySet()) {
            if (!acknowledged.containsKey(id) && !found.get(id).equals(inFlight.get(id))) {
                wrong.add(id + ": never written");
            }
        }
        return wrong;
    }

    private void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            errors.add(e);
        }
    }

    /**
     * Replaces random documents of its own with a new revision; one write in four inserts a new
     * one. Writer 0 writes the contacts, the others share the follow-ups.
     */
    private void write(int writer, int writers) {
        MongoCollection<Document> collection = writer == 0 ? contacts : followUps;
        int owners = writer == 0 ? 1 : writers - 1;
        int own = writer == 0 ? 0 : writer - 1;
        Random random = new Random(writer);
        int added = 0;
        while (!stop.get()) {
            Document next;
            if (random.nextInt(4) == 0) {
                next = document("w" + writer + "-" + added++, 0, random);
                inFlight.put(key(collection, next), next);
                collection.insertOne(next);
            } else {
                int n = random.nextInt(loaded / owners) * owners + own;
                Document last = acknowledged.get(key(collection, "d" + n));
                next = document("d" + n, last.getLong("version") + 1, random);
                inFlight.put(key(collection, next), next);
                collection.replaceOne(Filters.eq("_id", next.getString("_id")), next);
            }
            acknowledged.put(key(collection, next), next);
            inFlight.remove(key(collection, next));
            writes.incrementAndGet();
        }
    }

    /** Reads the whole collection: a count by aggregation (as the reports do) or every document. */
    private void scan(int scanner) {
        long round = 0;
        while (!stop.get()) {
            long seen;
            if ((round++ + scanner) % 2 == 0) {
                Document count = contacts.aggregate(List.of(Aggregates.match(Filters.eq("kind", "inbound_call")),
                        Aggregates.group(null, Accumulators.sum("n", 1)))).first();
                seen = count == null ? 0 : count.getInteger("n");
            } else {
                seen = 0;
                for (Document ignored : contacts.find().batchSize(5000)) {
                    seen++;
                }
            }
            if (seen < loaded) {
                throw new IllegalStateException("a scan saw " + seen + " of at least " + loaded + " documents");
            }
            scans.incrementAndGet();
        }
    }

    private static String key(MongoCollection<Document> collection, Document document) {
        return key(collection, document.getString("_id"));
    }

    private static String key(MongoCollection<Document> collection, String id) {
        return collection.getNamespace().getCollectionName() + "/" + id;
    }

    private static Document document(String id, long rev, Random random) {
        StringBuilder note = new StringBuilder(500);
        for (int i = 0; i < 500; i++) {
            note.append((char) ('a' + random.nextInt(26)));
        }
        return new Document("_id", id).append("kind", "inbound_call").append("version", rev)
                .append("caseId", Long.toHexString(random.nextLong()))
                .append("startedAt", new Date(1_764_000_000_000L + random.nextInt(1_000_000_000)))
                .append("note", note.toString());
    }
}
