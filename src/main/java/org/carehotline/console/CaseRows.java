package org.carehotline.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.carehotline.cases.CallerProfiles;
import org.carehotline.cases.CaseFile;
import org.carehotline.console.auth.User;
import org.carehotline.counselors.Counselor;
import org.carehotline.counselors.CounselorRepository;

/** Cases as rows of a list (home page, search results), numbers shown as the viewer may see them. Blocking. */
final class CaseRows {

    private final CounselorRepository counselors;
    private final CallerProfiles callers;
    private final Formats formats;

    CaseRows(CounselorRepository counselors, CallerProfiles callers, Formats formats) {
        this.counselors = counselors;
        this.callers = callers;
        this.formats = formats;
    }

    Map<String, String> counselorNames() {
        return counselors.findAll().stream().collect(Collectors.toMap(Counselor::id, Counselor::displayName,
                (a, b) -> a, LinkedHashMap::new));
    }

    /** Counselors and lawyers a case can be given to: id and name. */
    List<Map<String, String>> callTakers() {
        return counselors.findAll().stream()
                .filter(c -> c.active() && (c.roles().contains(org.carehotline.counselors.Role.COUNSELOR)
                        || c.roles().contains(org.carehotline.counselors.Role.LAWYER)))
                .map(c -> Map.of("id", c.id(), "name", c.displayName())).toList();
    }

    List<Map<String, Object>> rows(List<CaseFile> cases, User viewer) {
        Map<String, String> names = counselorNames();
        return cases.stream().map(c -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", c.base().id());
            row.put("number", c.base().number());
            row.put("status", c.base().status().name());
            row.put("phone", Formats.phone(c.base().phone(), viewer));
            // one small read per row: lists are a page of cases
            row.put("callerName", c.base().callerId().flatMap(callers::find).map(p -> p.name()).orElse(""));
            row.put("categories", c.base().categories().stream().map(Enum::name).toList());
            row.put("risk", c.risk().map(r -> r.level().name()).orElse(""));
            row.put("owner", c.base().ownerId().map(id -> names.getOrDefault(id, id)).orElse(""));
            row.put("openedAt", formats.time(c.base().openedAt()));
            row.put("updatedAt", formats.time(c.base().updatedAt()));
            row.put("contacts", c.base().contactCount());
            return row;
        }).toList();
    }
}
