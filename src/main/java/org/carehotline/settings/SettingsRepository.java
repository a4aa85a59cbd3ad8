package org.carehotline.settings;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.carehotline.cases.Category;
import org.carehotline.routing.hours.OutOfHoursAction;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/**
 * The line settings in MongoDB: one document per saved version, its number as {@code _id}; the
 * highest applies and the others are the history. Saving inserts the next number, so a save is
 * one atomic insert (the embedded server has no transactions), and of two administrators saving
 * on top of the same version the second is refused by the unique {@code _id}. Blocking.
 */
public final class SettingsRepository {

    private final MongoCollection<Document> versions;

    public SettingsRepository(MongoStore store) {
        this.versions = store.database().getCollection(CollectionNames.LINE_SETTINGS);
    }

    /** The newest saved version; empty while none was ever saved. */
    public Optional<SettingsVersion> newest() {
        return Optional.ofNullable(versions.find().sort(Sorts.descending("_id")).limit(1).first())
                .map(SettingsRepository::fromDocument);
    }

    /** The newest versions first. */
    public List<SettingsVersion> history(int limit) {
        return versions.find().sort(Sorts.descending("_id")).limit(limit).map(SettingsRepository::fromDocument)
                .into(new ArrayList<>());
    }

    /** Stores a new version; false if that number exists already (someone saved first). */
    boolean insert(SettingsVersion v) {
        try {
            versions.insertOne(toDocument(v));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private static Document toDocument(SettingsVersion v) {
        LineSettings s = v.settings();
        Document weekly = new Document();
        s.weekly().forEach((day, ranges) -> weekly.append(day.name(), ranges.stream().map(DayRange::toString).toList()));
        return new Document("_id", v.version()).append("weekly", weekly)
                .append("closedAction", s.closedAction().configName())
                .append("holidays", s.holidays().stream().map(h -> new Document("first", h.first().toString())
                        .append("last", h.last().toString()).append("name", h.name())
                        .append("hours", h.hours().stream().map(DayRange::toString).toList())).toList())
                .append("menu", s.menu().stream().map(o -> new Document("digit", String.valueOf(o.digit()))
                        .append("category", o.category().name())).toList())
                .append("dialects", s.dialects().stream().map(o -> new Document("digit", String.valueOf(o.digit()))
                        .append("dialect", o.dialect())).toList())
                .append("updatedBy", v.updatedBy()).append("updatedAt", Date.from(v.updatedAt()))
                .append("changes", v.changes());
    }

    private static SettingsVersion fromDocument(Document d) {
        Map<DayOfWeek, List<DayRange>> weekly = new EnumMap<>(DayOfWeek.class);
        Document days = d.get("weekly", Document.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            weekly.put(day, ranges(days.getList(day.name(), String.class, List.of())));
        }
        List<Holiday> holidays = d.getList("holidays", Document.class, List.of()).stream()
                .map(h -> new Holiday(LocalDate.parse(h.getString("first")), LocalDate.parse(h.getString("last")),
                        h.getString("name"), ranges(h.getList("hours", String.class, List.of())))).toList();
        List<MenuOption> menu = d.getList("menu", Document.class, List.of()).stream()
                .map(o -> new MenuOption(o.getString("digit").charAt(0), Category.valueOf(o.getString("category"))))
                .toList();
        List<DialectOption> dialects = d.getList("dialects", Document.class, List.of()).stream()
                .map(o -> new DialectOption(o.getString("digit").charAt(0), o.getString("dialect"))).toList();
        return new SettingsVersion(d.getInteger("_id"), new LineSettings(weekly, holidays,
                OutOfHoursAction.parse(d.getString("closedAction")), menu, dialects), d.getString("updatedBy"),
                d.getDate("updatedAt").toInstant(), d.getString("changes"));
    }

    private static List<DayRange> ranges(List<String> texts) {
        return texts.stream().map(DayRange::parse).toList();
    }
}
