package org.carehotline.console;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carehotline.cases.CaseFile;
import org.carehotline.emergency.EmergencyContact;
import org.carehotline.emergency.EmergencyContactRepository;
import org.carehotline.emergency.EmergencyParty;
import org.carehotline.emergency.EmergencyResult;

/**
 * The emergency record at the top of the case page ({@code case-emergency.ftlh}): shown while
 * the case's risk is high or imminent ({@link EmergencyContact#keptFor}), and whenever it holds
 * entries, so that lowering the risk later never hides what was done. The form's time defaults
 * to now in the hotline's zone. Each entry is also a timeline entry. Blocking.
 */
final class EmergencyPanel implements CasePanel {

    static final List<String> PARTIES = Arrays.stream(EmergencyParty.values()).map(Enum::name).toList();
    static final List<String> RESULTS = Arrays.stream(EmergencyResult.values()).map(Enum::name).toList();
    /** The value format of an {@code <input type="datetime-local">}. */
    static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final EmergencyContactRepository record;
    private final Formats formats;
    private final Clock clock;

    EmergencyPanel(EmergencyContactRepository record, Formats formats, Clock clock) {
        this.record = record;
        this.formats = formats;
        this.clock = clock;
    }

    /** Whether the case's current risk keeps an emergency record (so the form is offered). */
    static boolean open(CaseFile file) {
        return file.risk().map(r -> EmergencyContact.keptFor(r.level())).orElse(false);
    }

    @Override
    public void addTo(Reply.View view, CaseFile file) {
        view.with("emergencyOpen", open(file));
        view.with("emergencyEntries", record.forCase(file.base().id()).stream().map(e -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("at", formats.time(e.at()));
            row.put("party", e.party().name());
            row.put("contact", e.contact());
            row.put("result", e.result().name());
            row.put("detail", e.detail());
            row.put("by", e.byName());
            row.put("recordedAt", formats.time(e.recordedAt()));
            return row;
        }).toList());
        view.with("emergencyParties", PARTIES);
        view.with("emergencyResults", RESULTS);
        view.with("emergencyNow", INPUT.format(clock.instant().atZone(formats.zone())));
    }

    @Override
    public List<Item> timeline(CaseFile file) {
        return record.forCase(file.base().id()).stream().map(e -> new Item(e.at(), "emergency",
                "emergency_" + e.party().name(), "emergencyResult." + e.result().name(),
                String.join(" — ", java.util.stream.Stream.of(e.contact(), e.detail()).filter(s -> !s.isEmpty())
                        .toList()), e.byName())).toList();
    }
}
