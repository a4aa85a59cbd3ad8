package org.carehotline.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.carehotline.cases.CareCase;
import org.carehotline.cases.CaseRepository;
import org.carehotline.cases.Contact;
import org.carehotline.cases.ContactRepository;
import org.carehotline.cases.PhoneNumbers;
import org.carehotline.counselors.Counselor;
import org.carehotline.counselors.CounselorRepository;

/**
 * The model of the first console page: recent cases, each with its contacts. Phone numbers are
 * masked, since this page is not behind a sign-in yet. Blocking (reads the database).
 */
final class CasesPage {

    static final int LIMIT = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final CaseRepository cases;
    private final ContactRepository contacts;
    private final CounselorRepository counselors;
    private final ZoneId zone;

    CasesPage(CaseRepository cases, ContactRepository contacts, CounselorRepository counselors, ZoneId zone) {
        this.cases = cases;
        this.contacts = contacts;
        this.counselors = counselors;
        this.zone = zone;
    }

    Map<String, Object> model() {
        Map<String, String> names = counselors.findAll().stream()
                .collect(Collectors.toMap(Counselor::id, Counselor::displayName, (a, b) -> a));
        List<Map<String, Object>> rows = cases.recent(LIMIT).stream().map(c -> caseRow(c, names)).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("cases", rows);
        return model;
    }

    private Map<String, Object> caseRow(CareCase c, Map<String, String> names) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("number", c.number());
        row.put("status", c.status().name());
        row.put("phone", c.phone().map(PhoneNumbers::mask).orElse(""));
        row.put("categories", c.categories().stream().map(Enum::name).toList());
        row.put("owner", c.ownerId().map(id -> names.getOrDefault(id, id)).orElse(""));
        row.put("openedAt", format(c.openedAt()));
        row.put("updatedAt", format(c.updatedAt()));
        row.put("contacts", contacts.forCase(c.id()).stream().map(k -> contactRow(k, names::get)).toList());
        return row;
    }

    private Map<String, Object> contactRow(Contact k, Function<String, String> names) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("startedAt", format(k.startedAt()));
        row.put("kind", k.kind());
        row.put("menuKey", k.menuKey().orElse(""));
        row.put("category", k.category().map(Enum::name).orElse(""));
        row.put("disposition", k.disposition().map(Enum::name).orElse("IN_PROGRESS"));
        row.put("answeredBy", k.answeredBy().map(id -> Optional.ofNullable(names.apply(id)).orElse(id)).orElse(""));
        row.put("offers", k.offers().size());
        row.put("waitSeconds", k.waitSeconds().map(String::valueOf).orElse(""));
        row.put("talkSeconds", k.talkSeconds().map(String::valueOf).orElse(""));
        return row;
    }

    private String format(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }
}
