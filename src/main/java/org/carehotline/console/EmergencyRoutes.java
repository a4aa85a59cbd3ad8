package org.carehotline.console;

import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.carehotline.cases.CaseFile;
import org.carehotline.console.auth.Access;
import org.carehotline.console.auth.User;
import org.carehotline.emergency.EmergencyContact;
import org.carehotline.emergency.EmergencyContactRepository;
import org.carehotline.emergency.EmergencyParty;
import org.carehotline.emergency.EmergencyResult;

/**
 * {@code POST /cases/{id}/emergency}: appends an entry to the emergency record of a case at high
 * or imminent risk (who was contacted, when, with what result; the author is the signed-in
 * user). Refused with a message for a case below that risk. Each entry is audited and raises the
 * supervisors' crisis banner, as a high risk does: someone just called 110 or 120 for a worker.
 */
final class EmergencyRoutes {

    /** A browser's clock may run a little ahead of the server's; beyond this a time is in the future. */
    static final Duration CLOCK_SLACK = Duration.ofMinutes(5);

    private final CaseActions actions;
    private final EmergencyContactRepository record;
    private final EventBusLiveFeed live;
    private final Audit audit;
    private final Clock clock;
    private final ZoneId zone;

    EmergencyRoutes(CaseActions actions, EmergencyContactRepository record, EventBusLiveFeed live, Audit audit,
                    Clock clock, ZoneId zone) {
        this.actions = actions;
        this.record = record;
        this.live = live;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    void mount(Router router, Access access) {
        actions.post(router, access, "emergency", this::add);
    }

    private Reply add(Request request, CaseFile file) {
        Form form = new Form(request);
        if (!EmergencyPanel.open(file)) {
            form.error("record", "error.emergency.notAtRisk");
        }
        String party = form.oneOf("party", EmergencyPanel.PARTIES, true);
        String contact = form.optional("contact", 100);
        if (EmergencyParty.OTHER.name().equals(party) && contact.isEmpty()) {
            form.error("contact", "error.emergency.whoRequired");
        }
        String result = form.oneOf("result", EmergencyPanel.RESULTS, true);
        String detail = form.optional("detail", FieldLimits.SHORT_TEXT);
        if (EmergencyResult.OTHER.name().equals(result) && detail.isEmpty()) {
            form.error("detail", "error.emergency.detailRequired");
        }
        Instant now = clock.instant();
        Optional<Instant> at = contactTime(form, request.param("at"), now);
        if (!form.ok()) {
            return actions.again(request, file, "emergency", form);
        }
        User user = request.signedIn();
        record.add(new EmergencyContact("", file.base().id(), EmergencyParty.valueOf(party), contact,
                EmergencyResult.valueOf(result), detail, at.orElseThrow(), user.id(), user.displayName(), now));
        audit.record(request, "emergency.contact", file.base().number(), party + " " + result);
        live.emergencyContact(file.base().id(), file.base().number());
        return CaseActions.back(file, "emergency");
    }

    /** The contact time as typed ({@code yyyy-MM-ddTHH:mm} in the hotline's zone), checked: not in the future. */
    private Optional<Instant> contactTime(Form form, String typed, Instant now) {
        if (typed.isEmpty()) {
            form.error("at", "error.required");
            return Optional.empty();
        }
        Instant at;
        try {
            at = LocalDateTime.parse(typed.strip().replace(' ', 'T')).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            form.error("at", "error.emergency.time");
            return Optional.empty();
        }
        if (at.isAfter(now.plus(CLOCK_SLACK))) {
            form.error("at", "error.emergency.future");
            return Optional.empty();
        }
        // the form offers the current minute: kept as "now", so the entry follows what was just recorded
        return Optional.of(at.equals(now.truncatedTo(ChronoUnit.MINUTES)) ? now : at);
    }
}
