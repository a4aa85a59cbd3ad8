package org.carehotline.followups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallingWindowTest {

    private static final TimeRange HOTLINE = TimeRange.parse("09:00-21:00");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void insideTheWindowIsNowOutsideIsTheNextOpening() {
        CallingWindow w = CallingWindow.of(SHANGHAI, HOTLINE, List.of());
        Instant noon = Instant.parse("2026-11-23T04:00:00Z");
        assertEquals(noon, w.nextOpening(noon));
        assertEquals(Instant.parse("2026-11-24T01:00:00Z"), w.nextOpening(Instant.parse("2026-11-23T13:00:00Z")),
                "21:00 is closed: 09:00 tomorrow");
        assertEquals(Instant.parse("2026-11-23T01:00:00Z"), w.nextOpening(Instant.parse("2026-11-22T18:30:00Z")),
                "02:30 at night: 09:00 the same day");
    }

    @Test
    void theWorkersZoneDecides() {
        Instant at = Instant.parse("2026-11-23T14:30:00Z"); // 22:30 in Shanghai, 20:30 in Urumqi
        assertFalse(CallingWindow.of(SHANGHAI, HOTLINE, List.of()).contains(at));
        assertTrue(CallingWindow.of(ZoneId.of("Asia/Urumqi"), HOTLINE, List.of()).contains(at));
    }

    @Test
    void preferredTimesNarrowTheWindowAndPreferencesOutsideItAreIgnored() {
        CallingWindow lunch = CallingWindow.of(SHANGHAI, HOTLINE, List.of(TimeRange.parse("07:00-10:00"),
                TimeRange.parse("12:00-13:30")));
        assertEquals(List.of(TimeRange.parse("09:00-10:00"), TimeRange.parse("12:00-13:30")), lunch.ranges());
        assertEquals(Instant.parse("2026-11-23T04:00:00Z"), lunch.nextOpening(Instant.parse("2026-11-23T02:30:00Z")),
                "10:30: the lunch range");
        CallingWindow night = CallingWindow.of(SHANGHAI, HOTLINE, List.of(TimeRange.parse("22:00-23:00")));
        assertEquals(List.of(HOTLINE), night.ranges(), "never outside the hotline's window");
    }

    @Test
    void rangesAndPlansAreParsedStrictly() {
        assertThrows(IllegalArgumentException.class, () -> TimeRange.parse("21:00-09:00"));
        assertThrows(RuntimeException.class, () -> TimeRange.parse("nine to five"));
        assertEquals(3, FollowUpPlan.parseAll(FollowUpRules.DEFAULT_PLANS).get(0).offsets().size());
        assertThrows(IllegalArgumentException.class, () -> FollowUpPlan.parseAll("x=3 weeks"));
        assertTrue(CallingWindow.of(SHANGHAI, TimeRange.parse("00:00-24:00"), List.of())
                .contains(Instant.parse("2026-11-23T15:59:59Z")));
    }
}
