package org.carehotline.registry;

import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/**
 * Imports the union's worker registry (CSV or Excel) into {@code callers}: one caller per normalized number,
 * so a registered worker who has called already is merged, not duplicated. Each row is an
 * upsert on the unique phone index that sets the registry's fields (blank cells never erase
 * what a counselor recorded), so running the same file again changes nothing. Blocking.
 */
public final class RegistryImport {

    private static final int BATCH = 500;

    private final MongoCollection<Document> callers;

    public RegistryImport(MongoStore store) {
        this.callers = store.database().getCollection(CollectionNames.CALLERS);
    }

    /**
     * Validates and merges every row of a CSV file or of the first sheet of an Excel workbook
     * (told apart by their first bytes, not by the file name).
     *
     * @param progress told the number of data rows handled so far, after each batch
     */
    public ImportResult run(byte[] file, IntConsumer progress) {
        List<CsvFile.Record> records = Workbooks.isWorkbook(file) ? Workbooks.firstSheet(file) : CsvFile.parse(file);
        if (records.isEmpty()) {
            return new ImportResult(0, 0, 0, 0, List.of(), Rejection.MISSING_COLUMNS);
        }
        Optional<RegistryColumns> columns = RegistryColumns.of(records.get(0).fields());
        if (columns.isEmpty()) {
            return new ImportResult(records.size() - 1, 0, 0, 0, List.of(), Rejection.MISSING_COLUMNS);
        }
        RowCheck check = new RowCheck(columns.get());
        List<Rejection> rejected = new ArrayList<>();
        List<WriteModel<Document>> batch = new ArrayList<>();
        long[] counts = new long[3];
        for (int i = 1; i < records.size(); i++) {
            check.check(records.get(i), worker -> batch.add(upsert(worker)), rejected::add);
            if (batch.size() == BATCH || i == records.size() - 1) {
                write(batch, counts);
                progress.accept(i);
            }
        }
        return new ImportResult(records.size() - 1, counts[0], counts[1], counts[2], List.copyOf(rejected), "");
    }

    private void write(List<WriteModel<Document>> batch, long[] counts) {
        if (batch.isEmpty()) {
            return;
        }
        // ordered: two rows can never race for one number (duplicates are rejected anyway)
        BulkWriteResult result = callers.bulkWrite(batch, new BulkWriteOptions().ordered(true));
        counts[0] += result.getUpserts().size();
        counts[1] += result.getModifiedCount();
        counts[2] += result.getMatchedCount() - result.getModifiedCount();
        batch.clear();
    }

    private static UpdateOneModel<Document> upsert(Worker w) {
        Document set = new Document("registered", true);
        put(set, "name", w.name());
        put(set, "occupation", w.occupation());
        put(set, "plate", w.plate());
        put(set, "employer", w.employer());
        put(set, "region", w.region());
        put(set, "dialect", w.dialect());
        Document onInsert = new Document("_id", new ObjectId()).append("unionMember", false).append("highRisk", false);
        return new UpdateOneModel<>(new Document("phone", w.phone()),
                new Document("$set", set).append("$setOnInsert", onInsert), new UpdateOptions().upsert(true));
    }

    private static void put(Document set, String field, String value) {
        if (!value.isEmpty()) {
            set.append(field, value);
        }
    }
}
