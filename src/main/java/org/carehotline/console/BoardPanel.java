package org.carehotline.console;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carehotline.cases.DailyFigures;
import org.carehotline.routing.CounselorStatus;
import org.carehotline.routing.PresenceState;
import org.carehotline.routing.Router;
import org.carehotline.routing.WaitingCallView;

/**
 * The live board's model: waiting calls, counselors and their states, today's figures. The
 * routing parts are read from the {@link Router} (quick, in memory); the figures come from the
 * database and are kept for a few seconds, since every open board asks once a second. The
 * integration API reads the same parts ({@link #counselors()}, {@link #waitingCalls()},
 * {@link #figures()}). Blocking.
 */
public final class BoardPanel {

    /**
     * A counselor who takes calls, as the board shows them.
     *
     * @param state a {@link PresenceState} name, or {@code NOT_SIGNED_IN} for a free phone with nobody at the console
     * @param reason why they paused (empty when not paused)
     */
    public record CounselorRow(String id, String name, String state, String reason, List<String> dialects) {}

    private static final long FIGURES_TTL_MS = 2000;

    private final Router router;
    private final DailyFigures figures;
    private final Formats formats;
    private final Clock clock;
    private final ConsoleSignIns signIns;
    private DailyFigures.Figures cached;
    private long cachedAt;

    BoardPanel(Router router, DailyFigures figures, Formats formats, Clock clock, ConsoleSignIns signIns) {
        this.signIns = signIns;
        this.router = router;
        this.figures = figures;
        this.formats = formats;
        this.clock = clock;
    }

    Map<String, Object> model() {
        Map<String, Object> model = new LinkedHashMap<>();
        List<Map<String, Object>> waiting = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        List<CounselorStatus> statuses = router.snapshot();
        statuses.forEach(s -> names.put(s.counselor().id(), s.counselor().displayName()));
        for (WaitingCallView w : waitingCalls()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("position", w.position());
            row.put("urgent", w.needs().urgent());
            row.put("category", w.needs().category().name());
            row.put("dialect", w.needs().dialect().orElse(""));
            row.put("wait", Formats.duration(w.waited()));
            row.put("offeredTo", w.offeredTo().map(id -> names.getOrDefault(id, id)).orElse(""));
            waiting.add(row);
        }
        model.put("waiting", waiting);
        List<Map<String, Object>> counselors = new ArrayList<>();
        for (CounselorRow c : counselors(statuses)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", c.id());
            row.put("name", c.name());
            row.put("state", c.state());
            row.put("reason", c.reason());
            row.put("dialects", String.join(", ", c.dialects()));
            counselors.add(row);
        }
        model.put("counselors", counselors);
        model.put("figures", todaysFigures());
        model.put("updatedAt", formats.clock(clock.instant()));
        return model;
    }

    /** The counselors who take calls, in roster order, with their state. */
    public List<CounselorRow> counselors() {
        return counselors(router.snapshot());
    }

    private List<CounselorRow> counselors(List<CounselorStatus> statuses) {
        Map<String, PresenceState> states = router.states();
        List<CounselorRow> rows = new ArrayList<>();
        for (CounselorStatus s : statuses) {
            if (!s.counselor().takesCalls()) {
                continue;
            }
            PresenceState state = states.getOrDefault(s.counselor().id(), PresenceState.OFFLINE);
            // a free phone is not a counselor at the desk: available only when also signed in to the console
            boolean away = state == PresenceState.AVAILABLE && !signIns.isSignedIn(s.counselor().id());
            rows.add(new CounselorRow(s.counselor().id(), s.counselor().displayName(),
                    away ? "NOT_SIGNED_IN" : state.name(), s.console().pauseReason().orElse(""),
                    List.copyOf(s.counselor().dialects())));
        }
        return rows;
    }

    /** The calls waiting now, in queue order. */
    public List<WaitingCallView> waitingCalls() {
        return router.waitingCalls();
    }

    /** Today's figures (since midnight in the hotline's zone), at most a couple of seconds old. */
    public DailyFigures.Figures figures() {
        return todaysFigures();
    }

    /**
     * What the board shows apart from the passing seconds: the counselors' states and the
     * waiting calls. Quick, no I/O: the event stream compares it to skip refreshes that would
     * change nothing (routing reports a change on every tick).
     */
    String signature() {
        StringBuilder out = new StringBuilder(router.states().toString()).append(signIns.signature());
        for (WaitingCallView w : router.waitingCalls()) {
            out.append('|').append(w.callId()).append(w.position()).append(w.needs().urgent()).append(w.offeredTo());
        }
        return out.toString();
    }

    private synchronized DailyFigures.Figures todaysFigures() {
        long now = System.currentTimeMillis();
        if (cached == null || now - cachedAt > FIGURES_TTL_MS) {
            Instant start = formats.startOfDay(clock.instant());
            cached = figures.since(start);
            cachedAt = now;
        }
        return cached;
    }

    /** Drops the cached figures (after a call ended, tests). */
    synchronized void refresh() {
        cached = null;
    }
}
