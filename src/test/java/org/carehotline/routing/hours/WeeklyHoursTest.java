package org.carehotline.routing.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The weekly schedule, read in the hotline's zone. Instants are UTC; comments give Shanghai time (UTC+8). */
class WeeklyHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final OpeningHours OFFICE =
            OpeningHours.parse("mon-fri 08:00-22:00; sat,sun 09:00-18:00", "", SHANGHAI);

    private static boolean open(OpeningHours hours, String instant) {
        return hours.isOpen(Instant.parse(instant));
    }

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource({
            "2026-05-14T23:59:59Z, false, Fri 07:59:59",
            "2026-05-15T00:00:00Z, true,  Fri 08:00 opens",
            "2026-05-15T13:59:59Z, true,  Fri 21:59:59",
            "2026-05-15T14:00:00Z, false, Fri 22:00 closes",
            "2026-05-16T00:30:00Z, false, Sat 08:30 (a weekday would be open)",
            "2026-05-16T01:00:00Z, true,  Sat 09:00",
            "2026-05-16T09:59:59Z, true,  Sat 17:59:59",
            "2026-05-16T10:00:00Z, false, Sat 18:00",
            "2026-05-17T13:00:00Z, false, Sun 21:00 (a weekday would be open)",
    })
    void weekdaysAndWeekendHaveTheirOwnHalfOpenRanges(String instant, boolean expected, String local) {
        assertEquals(expected, open(OFFICE, instant), local);
    }

    @Test
    void severalRangesADayLeaveTheGapClosed() {
        OpeningHours hours = OpeningHours.parse("mon-fri 08:00-12:00,13:30-22:00", "", SHANGHAI);

        assertTrue(open(hours, "2026-05-15T03:59:59Z"));          // Fri 11:59:59
        assertFalse(open(hours, "2026-05-15T04:00:00Z"));         // Fri 12:00
        assertFalse(open(hours, "2026-05-15T05:29:59Z"));         // Fri 13:29:59
        assertTrue(open(hours, "2026-05-15T05:30:00Z"));          // Fri 13:30
        assertEquals(Optional.of(Instant.parse("2026-05-15T04:00:00Z")),
                hours.closesAt(Instant.parse("2026-05-15T01:00:00Z")));
    }

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource({
            "2026-05-14T17:00:00Z, false, Fri 01:00: the range belongs to Friday evening, not Friday morning",
            "2026-05-15T11:59:59Z, false, Fri 19:59:59",
            "2026-05-15T12:00:00Z, true,  Fri 20:00",
            "2026-05-15T16:00:00Z, true,  Sat 00:00",
            "2026-05-15T17:59:59Z, true,  Sat 01:59:59",
            "2026-05-15T18:00:00Z, false, Sat 02:00",
            "2026-05-16T12:00:00Z, false, Sat 20:00",
    })
    void aRangeEndingBeforeItStartsRunsPastMidnight(String instant, boolean expected, String local) {
        OpeningHours hours = OpeningHours.parse("fri 20:00-02:00", "", SHANGHAI);

        assertEquals(expected, open(hours, instant), local);
    }

    @Test
    void theDefaultIsOpenAroundTheClockAndNeverClosesWithinAWeek() {
        OpeningHours hours = OpeningHours.parse(OpeningHours.ALWAYS_OPEN, "", SHANGHAI);

        for (String at : new String[] {"2026-05-15T16:00:00Z", "2026-05-17T15:59:59Z", "2026-05-17T16:00:00Z",
                "2026-12-31T16:00:00Z", "2028-02-28T16:00:00Z"}) {
            Instant instant = Instant.parse(at);
            assertTrue(hours.isOpen(instant), at);
            assertEquals(Optional.of(instant), hours.nextOpening(instant), at);
            assertEquals(Optional.empty(), hours.closesAt(instant), at);
        }
    }

    @Test
    void daysAreTheHotlinesLocalDaysNotUtcDays() {
        OpeningHours utc = OpeningHours.parse("mon-fri 08:00-22:00", "", ZoneId.of("UTC"));
        OpeningHours shanghai = OpeningHours.parse("mon-fri 08:00-22:00", "", SHANGHAI);

        Instant fridayInUtcSaturdayInShanghai = Instant.parse("2026-05-15T20:00:00Z"); // Sat 04:00 Shanghai
        assertTrue(utc.isOpen(fridayInUtcSaturdayInShanghai));
        assertFalse(shanghai.isOpen(fridayInUtcSaturdayInShanghai));

        Instant sundayInUtcMondayInShanghai = Instant.parse("2026-05-18T00:30:00Z"); // Mon 08:30 Shanghai
        assertFalse(utc.isOpen(sundayInUtcMondayInShanghai));
        assertTrue(shanghai.isOpen(sundayInUtcMondayInShanghai));
    }

    @Test
    void shanghaiHasNoDaylightSavingSoOpeningIsTheSameUtcTimeInWinterAndSummer() {
        assertEquals(Optional.of(Instant.parse("2026-01-05T00:00:00Z")),
                OFFICE.nextOpening(Instant.parse("2026-01-04T12:00:00Z")));   // Sun 20:00 -> Mon 08:00
        assertEquals(Optional.of(Instant.parse("2026-07-06T00:00:00Z")),
                OFFICE.nextOpening(Instant.parse("2026-07-05T12:00:00Z")));
    }

    @Test
    void berlinOpensAnHourEarlierInUtcOnTheDaySummerTimeStarts() {
        OpeningHours berlin = OpeningHours.parse("daily 08:00-22:00", "", ZoneId.of("Europe/Berlin"));

        // Saturday 2026-03-28 is CET (UTC+1); Sunday 2026-03-29 is CEST (UTC+2) from 02:00.
        assertFalse(berlin.isOpen(Instant.parse("2026-03-28T06:59:59Z")));
        assertTrue(berlin.isOpen(Instant.parse("2026-03-28T07:00:00Z")));
        assertFalse(berlin.isOpen(Instant.parse("2026-03-29T05:59:59Z")));
        assertTrue(berlin.isOpen(Instant.parse("2026-03-29T06:00:00Z")));
        assertFalse(berlin.isOpen(Instant.parse("2026-03-29T20:00:00Z")));
    }

    @Test
    void aRangeAcrossTheClockChangeLastsTheRealTimeBetweenItsWallTimes() {
        OpeningHours berlin = OpeningHours.parse("sun 01:00-04:00", "", ZoneId.of("Europe/Berlin"));

        // Spring forward: 01:00 CET is 00:00Z, 04:00 CEST is 02:00Z, so two hours open.
        assertTrue(berlin.isOpen(Instant.parse("2026-03-29T00:00:00Z")));
        assertTrue(berlin.isOpen(Instant.parse("2026-03-29T01:59:59Z")));
        assertEquals(Optional.of(Instant.parse("2026-03-29T02:00:00Z")),
                berlin.closesAt(Instant.parse("2026-03-29T00:00:00Z")));
        // Fall back: 01:00 CEST is 23:00Z the day before, 04:00 CET is 03:00Z, so four hours open.
        assertEquals(Optional.of(Instant.parse("2026-10-24T23:00:00Z")),
                berlin.nextOpening(Instant.parse("2026-10-24T12:00:00Z")));
        assertEquals(Optional.of(Instant.parse("2026-10-25T03:00:00Z")),
                berlin.closesAt(Instant.parse("2026-10-24T23:00:00Z")));
    }
}
