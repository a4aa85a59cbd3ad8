package org.carehotline.console;

import io.vertx.ext.web.Router;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.carehotline.cases.CaseQuery;
import org.carehotline.cases.CaseSearch;
import org.carehotline.cases.CaseStatus;
import org.carehotline.cases.PhoneNumbers;
import org.carehotline.cases.Category;
import org.carehotline.cases.RiskLevel;
import org.carehotline.console.auth.Access;
import org.carehotline.console.auth.User;
import org.carehotline.counselors.CounselorRepository;

/**
 * {@code GET /cases}: the signed-in case list with search by phone, name, plate, case number,
 * status, category, risk, counselor and opening dates, paginated. A counselor or lawyer finds
 * only the cases they worked on; referrers see no case files and every number masked.
 */
final class SearchRoutes {

    static final int PAGE_SIZE = 20;

    private final Pages pages;
    private final CaseSearch search;
    private final CaseGuard guard;
    private final CaseRows rows;
    private final CounselorRepository counselors;
    private final Formats formats;
    private final Audit audit;

    SearchRoutes(Pages pages, CaseSearch search, CaseGuard guard, CaseRows rows, CounselorRepository counselors,
                 Formats formats, Audit audit) {
        this.pages = pages;
        this.search = search;
        this.guard = guard;
        this.rows = rows;
        this.counselors = counselors;
        this.formats = formats;
        this.audit = audit;
    }

    void mount(Router router, Access access) {
        router.get("/cases").handler(access.require()).handler(ctx -> pages.handle(ctx, this::list));
    }

    private Reply list(Request request) {
        User user = request.signedIn();
        Form form = new Form(request);
        Optional<CaseStatus> status = choice(form, "status", CaseStatus.class);
        Optional<Category> category = choice(form, "category", Category.class);
        Optional<RiskLevel> risk = choice(form, "risk", RiskLevel.class);
        String counselorLogin = form.optional("counselor", 100);
        // people know a colleague by name (王芳) more often than by login (wang.fang)
        String counselorId = counselorLogin.isEmpty() ? "" : counselors.findByLogin(counselorLogin)
                .or(() -> counselors.findAll().stream().filter(c -> c.displayName().equalsIgnoreCase(counselorLogin))
                        .findFirst())
                .map(c -> c.id()).orElse("-none-");
        Optional<LocalDate> from = date(form, "from");
        Optional<LocalDate> to = date(form, "to");
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            form.error("to", "error.dateRange");
        }
        CaseQuery query = new CaseQuery(form.optional("phone", 30), form.optional("name", 50),
                form.optional("plate", 12), form.optional("number", 30), status, category, risk, counselorId,
                from.map(d -> d.atStartOfDay(formats.zone()).toInstant()),
                to.map(d -> d.plusDays(1).atStartOfDay(formats.zone()).toInstant()));
        int page = Math.max(1, parseInt(request.param("page")));
        Reply.View view = Reply.view("cases.ftlh").with("values", form.values()).with("errors", form.errors())
                .with("statuses", names(CaseStatus.values())).with("categories", names(Category.values()))
                .with("risks", names(RiskLevel.values()))
                .with("counselors", rows.counselorNames().entrySet().stream().toList());
        if (!form.ok()) {
            return view.with("rows", List.of()).with("total", 0).with("page", 1).with("pages", 1).withStatus(422);
        }
        if (!user.worksCases()) {
            // referrers read no case files: they may only check that a worker they know by number has a case
            return referrerCheck(request, user, view);
        }
        Optional<Set<String>> visible = user.seesAllCases() ? Optional.empty()
                : Optional.of(guard.visibility().caseIdsWorkedBy(user.id()));
        CaseSearch.Page found = search.search(query, visible, page, PAGE_SIZE);
        audit.record(request, "case.search", "", request.params().keySet().toString());
        return view.with("rows", rows.rows(found.cases(), user)).with("total", found.total())
                .with("page", found.page()).with("pages", found.pages()).with("query", queryString(request));
    }

    private Reply referrerCheck(Request request, User user, Reply.View view) {
        Optional<String> phone = PhoneNumbers.normalize(request.param("phone"));
        if (phone.isEmpty()) {
            return view.with("rows", List.of()).with("total", 0).with("page", 1).with("pages", 1);
        }
        CaseQuery byPhone = new CaseQuery(phone.get(), "", "", "", Optional.empty(), Optional.empty(),
                Optional.empty(), "", Optional.empty(), Optional.empty());
        CaseSearch.Page found = search.search(byPhone, Optional.empty(), 1, PAGE_SIZE);
        audit.record(request, "case.referrerCheck", PhoneNumbers.mask(phone.get()), "");
        return view.with("rows", rows.rows(found.cases(), user)).with("total", found.total()).with("page", 1)
                .with("pages", 1);
    }

    private static <E extends Enum<E>> Optional<E> choice(Form form, String field, Class<E> type) {
        String value = form.oneOf(field, names(type.getEnumConstants()), false);
        return value.isEmpty() || !form.errors().isEmpty() && form.errors().containsKey(field) ? Optional.empty()
                : Optional.of(Enum.valueOf(type, value));
    }

    private static Optional<LocalDate> date(Form form, String field) {
        String value = form.optional(field, 10);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            form.error(field, "error.date");
            return Optional.empty();
        }
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The current filters without the page, for the paging links. */
    private static String queryString(Request request) {
        StringBuilder out = new StringBuilder();
        request.params().forEach((k, vs) -> {
            if (!k.equals("page") && !k.equals("lang")) {
                vs.forEach(v -> out.append(out.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
            }
        });
        return out.toString();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
