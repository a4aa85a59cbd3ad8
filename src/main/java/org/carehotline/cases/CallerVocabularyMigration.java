package org.carehotline.cases;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;
import org.carehotline.vocabulary.Vocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings callers written before the vocabulary to it, once per start and idempotently: the
 * registry import's {@code vehiclePlate} becomes {@code plate} (the field the console reads and
 * searches), and occupation, region and dialect written as labels or variants ({@code 货车司机},
 * {@code 河南省}, {@code mandarin, henan}) become codes, so reports count one occupation once.
 * A caller already in codes is not written. Blocking; run before the servers start.
 */
public final class CallerVocabularyMigration {

    private static final Logger log = LoggerFactory.getLogger(CallerVocabularyMigration.class);

    private final MongoCollection<Document> callers;

    public CallerVocabularyMigration(MongoStore store) {
        this.callers = store.database().getCollection(CollectionNames.CALLERS);
    }

    /** Rewrites the callers that need it; returns how many were rewritten. */
    public int run() {
        int changed = 0;
        Document fields = new Document("vehiclePlate", 1).append("plate", 1).append("occupation", 1)
                .append("region", 1).append("dialect", 1);
        for (Document d : callers.find().projection(fields)) {
            Document set = new Document();
            Document unset = new Document();
            String oldPlate = d.getString("vehiclePlate");
            if (d.containsKey("vehiclePlate")) {
                unset.append("vehiclePlate", "");
                if (oldPlate != null && !oldPlate.isEmpty() && Docs.string(d, "plate").isEmpty()) {
                    set.append("plate", oldPlate);
                }
            }
            coded(d, "occupation", Vocabulary.OCCUPATION.toCode(Docs.string(d, "occupation")), set);
            coded(d, "region", Vocabulary.REGION.toCode(Docs.string(d, "region")), set);
            coded(d, "dialect", Vocabulary.DIALECT.toCodes(Docs.string(d, "dialect")), set);
            if (set.isEmpty() && unset.isEmpty()) {
                continue;
            }
            Document update = new Document();
            if (!set.isEmpty()) {
                update.append("$set", set);
            }
            if (!unset.isEmpty()) {
                update.append("$unset", unset);
            }
            callers.updateOne(eq("_id", d.get("_id")), update);
            changed++;
        }
        if (changed > 0) {
            log.info("Callers brought to the vocabulary (plate field, occupation/region/dialect codes): {}", changed);
        }
        return changed;
    }

    private static void coded(Document d, String field, String code, Document set) {
        if (!code.equals(Docs.string(d, field))) {
            set.append(field, code);
        }
    }
}
