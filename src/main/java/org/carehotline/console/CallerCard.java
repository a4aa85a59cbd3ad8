package org.carehotline.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carehotline.cases.CallerProfile;
import org.carehotline.cases.CallerProfiles;
import org.carehotline.cases.CaseFile;
import org.carehotline.cases.CaseWork;
import org.carehotline.cases.Contact;
import org.carehotline.cases.ContactRepository;
import org.carehotline.cases.Note;
import org.carehotline.cases.NoteRepository;
import org.carehotline.console.auth.User;

/**
 * The screen pop: the caller's card for one call, with everything a counselor needs in the
 * first seconds: number, name, work, region, dialect, flags, the open case and its risk, the
 * last contacts and notes, the key pressed, how long they waited. A caller nobody has
 * described yet gets a blank card with a link to fill it. Blocking.
 */
final class CallerCard {

    private static final int LAST_CONTACTS = 5;
    private static final int LAST_NOTES = 3;

    private final ContactRepository contacts;
    private final CaseWork cases;
    private final CallerProfiles callers;
    private final NoteRepository notes;
    private final CaseGuard guard;
    private final Formats formats;
    private final Clock clock;

    CallerCard(ContactRepository contacts, CaseWork cases, CallerProfiles callers, NoteRepository notes,
               CaseGuard guard, Formats formats, Clock clock) {
        this.contacts = contacts;
        this.cases = cases;
        this.callers = callers;
        this.notes = notes;
        this.guard = guard;
        this.formats = formats;
        this.clock = clock;
    }

    /** The card model, or empty when there is no such call; throws Forbidden when it is not the user's. */
    Optional<Map<String, Object>> model(User user, String contactId) {
        Optional<Contact> found = org.bson.types.ObjectId.isValid(contactId) ? contacts.findById(contactId)
                : Optional.empty();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Contact contact = found.get();
        if (!guard.maySeeCard(user, contactId, contact.caseId())) {
            throw new Reply.Forbidden("card " + contactId);
        }
        CaseFile file = cases.find(contact.caseId()).orElseThrow(() -> new Reply.NotFound(contact.caseId()));
        Optional<CallerProfile> caller = file.base().callerId().flatMap(callers::find);
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("contactId", contact.id());
        card.put("caseId", file.base().id());
        card.put("caseNumber", file.base().number());
        card.put("status", file.base().status().name());
        card.put("risk", file.risk().map(r -> r.level().name()).orElse(""));
        card.put("phone", Formats.phone(file.base().phone(), user));
        card.put("anonymous", file.base().phone().isEmpty());
        card.put("blank", caller.map(CallerProfile::isBlank).orElse(true));
        card.put("name", caller.map(CallerProfile::name).orElse(""));
        card.put("occupation", caller.map(CallerProfile::occupation).orElse(""));
        card.put("region", caller.map(CallerProfile::region).orElse(""));
        card.put("dialect", caller.map(CallerProfile::dialect).orElse(""));
        card.put("plate", caller.map(CallerProfile::plate).orElse(""));
        card.put("unionMember", caller.map(CallerProfile::unionMember).orElse(false));
        card.put("highRisk", caller.map(CallerProfile::highRisk).orElse(false));
        card.put("menuKey", contact.menuKey().orElse(""));
        card.put("category", contact.category().map(Enum::name).orElse(""));
        card.put("wait", Formats.duration(waited(contact)));
        card.put("startedAt", formats.time(contact.startedAt()));
        // an old call shown after a reload must not look like one ringing now
        card.put("state", state(contact).name());
        card.put("presentingProblem", file.presentingProblem());
        card.put("contacts", lastContacts(contact));
        List<Note> all = notes.forCase(file.base().id());
        card.put("notes", all.subList(Math.max(0, all.size() - LAST_NOTES), all.size()).reversed().stream()
                .map(n -> Map.of("at", formats.time(n.at()), "author", n.authorName(), "text", n.text())).toList());
        return Optional.of(card);
    }

    /** The later of what the database and the live feed know: the feed runs ahead of the records. */
    private LiveCalls.State state(Contact contact) {
        LiveCalls.State recorded = contact.endedAt().isPresent() ? LiveCalls.State.ENDED
                : contact.answeredAt().isPresent() ? LiveCalls.State.CONNECTED : LiveCalls.State.RINGING;
        LiveCalls.State heard = guard.live().state(contact.id()).orElse(LiveCalls.State.RINGING);
        return heard.compareTo(recorded) > 0 ? heard : recorded;
    }

    private Duration waited(Contact c) {
        if (c.waitSeconds().isPresent()) {
            return Duration.ofSeconds(c.waitSeconds().get());
        }
        Instant from = c.queuedAt().orElse(c.startedAt());
        Instant to = c.answeredAt().orElse(clock.instant());
        return to.isBefore(from) ? Duration.ZERO : Duration.between(from, to);
    }

    private List<Map<String, Object>> lastContacts(Contact current) {
        List<Contact> earlier = new ArrayList<>(contacts.forCase(current.caseId()).stream()
                .filter(c -> !c.id().equals(current.id())).toList());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Contact c : earlier.reversed().subList(0, Math.min(LAST_CONTACTS, earlier.size()))) {
            rows.add(Map.of("at", formats.time(c.startedAt()), "kind", c.kind(),
                    "disposition", c.disposition().map(Enum::name).orElse("IN_PROGRESS"),
                    "category", c.category().map(Enum::name).orElse("")));
        }
        return rows;
    }
}
