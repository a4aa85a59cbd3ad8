package org.carehotline.routing.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Holidays and special hours. Instants are UTC; comments give Shanghai time (UTC+8). */
class HolidaysTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String WEEKDAYS = "mon-fri 08:00-22:00";

    private static boolean open(OpeningHours hours, String instant) {
        return hours.isOpen(Instant.parse(instant));
    }

    @Test
    void aHolidayIsClosedAllDayWhileTheDaysAroundItKeepTheirHours() {
        OpeningHours hours = OpeningHours.parse(WEEKDAYS, "2026-10-01", SHANGHAI);

        assertTrue(open(hours, "2026-09-30T04:00:00Z"));   // Wed 12:00
        assertFalse(open(hours, "2026-10-01T00:00:00Z"));  // Thu 08:00, holiday
        assertFalse(open(hours, "2026-10-01T04:00:00Z"));  // Thu 12:00, holiday
        assertTrue(open(hours, "2026-10-02T00:00:00Z"));   // Fri 08:00
    }

    @ParameterizedTest(name = "2026-10-0{0} 12:00 closed")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
    void everyDateOfAHolidayRangeIsClosed(int dayOfMonth) {
        OpeningHours hours = OpeningHours.parse("daily 00:00-24:00", "2026-10-01..2026-10-07", SHANGHAI);

        assertFalse(hours.isOpen(Instant.parse("2026-10-0" + dayOfMonth + "T04:00:00Z")));
    }

    @Test
    void aHolidayRangeIncludesBothEndsAndNothingMore() {
        OpeningHours hours = OpeningHours.parse("daily 00:00-24:00", "2026-10-01..2026-10-07", SHANGHAI);

        assertTrue(open(hours, "2026-09-30T15:59:59Z"));   // Wed 30 Sep 23:59:59
        assertFalse(open(hours, "2026-09-30T16:00:00Z"));  // Thu 1 Oct 00:00 (still 30 Sep in UTC)
        assertFalse(open(hours, "2026-10-07T15:59:59Z"));  // Wed 7 Oct 23:59:59
        assertTrue(open(hours, "2026-10-07T16:00:00Z"));   // Thu 8 Oct 00:00
    }

    @Test
    void specialHoursOpenAHolidayOnlyForThoseHours() {
        OpeningHours hours = OpeningHours.parse(WEEKDAYS, "2026-02-17=10:00-16:00", SHANGHAI);

        assertFalse(open(hours, "2026-02-17T01:00:00Z"));  // Tue 09:00, a weekday would be open
        assertTrue(open(hours, "2026-02-17T02:00:00Z"));   // Tue 10:00
        assertTrue(open(hours, "2026-02-17T07:59:59Z"));   // Tue 15:59:59
        assertFalse(open(hours, "2026-02-17T08:00:00Z"));  // Tue 16:00
        assertFalse(open(hours, "2026-02-17T12:00:00Z"));  // Tue 20:00
        assertTrue(open(hours, "2026-02-18T12:00:00Z"));   // Wed 20:00, back to normal
    }

    @Test
    void specialHoursInsideAHolidayRangeWinWhateverTheOrderAndMayListSeveralRanges() {
        OpeningHours hours = OpeningHours.parse(WEEKDAYS,
                "2026-10-04=09:00-12:00,14:00-17:00, 2026-10-01..2026-10-07", SHANGHAI);

        assertTrue(open(hours, "2026-10-04T01:00:00Z"));   // Sun 09:00: a weekend day opened
        assertFalse(open(hours, "2026-10-04T05:00:00Z"));  // Sun 13:00: between the ranges
        assertTrue(open(hours, "2026-10-04T06:00:00Z"));   // Sun 14:00
        assertFalse(open(hours, "2026-10-05T02:00:00Z"));  // Mon 10:00: still the holiday
    }

    @Test
    void specialHoursMayCoverADateRange() {
        OpeningHours hours = OpeningHours.parse(WEEKDAYS, "2026-10-01..2026-10-03=10:00-16:00", SHANGHAI);

        assertTrue(open(hours, "2026-10-01T02:00:00Z"));   // Thu 10:00
        assertTrue(open(hours, "2026-10-03T02:00:00Z"));   // Sat 10:00
        assertFalse(open(hours, "2026-10-02T01:00:00Z"));  // Fri 09:00
    }

    @Test
    void aShiftRunningIntoAHolidayStopsAtMidnight() {
        OpeningHours hours = OpeningHours.parse("fri 20:00-02:00", "2026-05-16", SHANGHAI);

        assertTrue(open(hours, "2026-05-15T15:00:00Z"));   // Fri 23:00
        assertFalse(open(hours, "2026-05-15T17:00:00Z"));  // Sat 01:00, holiday
        assertEquals(Optional.of(Instant.parse("2026-05-15T16:00:00Z")),
                hours.closesAt(Instant.parse("2026-05-15T15:00:00Z")));
    }

    @Test
    void aHolidayCancelsTheShiftStartingOnItIncludingThePartAfterMidnight() {
        OpeningHours hours = OpeningHours.parse("fri 20:00-02:00", "2026-05-15", SHANGHAI);

        assertFalse(open(hours, "2026-05-15T13:00:00Z"));  // Fri 21:00, holiday
        assertFalse(open(hours, "2026-05-15T17:00:00Z"));  // Sat 01:00, the holiday's shift
    }

    @Test
    void aTwentyFourSevenLineClosesAtTheStartOfItsNextHolidayIfWithinAWeek() {
        OpeningHours hours = OpeningHours.parse(OpeningHours.ALWAYS_OPEN, "2026-10-01", SHANGHAI);

        assertEquals(Optional.of(Instant.parse("2026-09-30T16:00:00Z")),       // Thu 1 Oct 00:00
                hours.closesAt(Instant.parse("2026-09-28T04:00:00Z")));
        assertEquals(Optional.empty(), hours.closesAt(Instant.parse("2026-09-20T04:00:00Z")));
        assertEquals(Optional.of(Instant.parse("2026-10-01T16:00:00Z")),       // Fri 2 Oct 00:00
                hours.nextOpening(Instant.parse("2026-10-01T04:00:00Z")));
    }
}
