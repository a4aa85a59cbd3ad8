package org.carehotline.routing.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the line opens next and when it closes. Instants are UTC; comments give Shanghai time (UTC+8). */
class NextOpeningTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final OpeningHours WEEKDAYS = OpeningHours.parse("mon-fri 08:00-22:00", "", SHANGHAI);

    private static Optional<Instant> at(String instant) {
        return Optional.of(Instant.parse(instant));
    }

    @Test
    void closedOnFridayNightOpensOnMondayMorning() {
        assertEquals(at("2026-05-18T00:00:00Z"), WEEKDAYS.nextOpening(Instant.parse("2026-05-15T14:30:00Z")));
        // Exactly at Friday 22:00 the line is already closed.
        assertEquals(at("2026-05-18T00:00:00Z"), WEEKDAYS.nextOpening(Instant.parse("2026-05-15T14:00:00Z")));
    }

    @Test
    void whenOpenTheNextOpeningIsNow() {
        Instant fridayNoon = Instant.parse("2026-05-15T04:00:00Z");

        assertEquals(Optional.of(fridayNoon), WEEKDAYS.nextOpening(fridayNoon));
    }

    @Test
    void beforeOpeningOnTheSameDayItIsTodaysOpening() {
        assertEquals(at("2026-05-15T00:00:00Z"), WEEKDAYS.nextOpening(Instant.parse("2026-05-14T20:00:00Z")));
    }

    @Test
    void skipsAHolidayRangeToTheFirstOrdinaryDay() {
        OpeningHours hours = OpeningHours.parse("mon-fri 08:00-22:00", "2026-10-01..2026-10-07", SHANGHAI);

        // Wed 30 Sep 22:30 -> Thu 8 Oct 08:00
        assertEquals(at("2026-10-08T00:00:00Z"), hours.nextOpening(Instant.parse("2026-09-30T14:30:00Z")));
    }

    @Test
    void specialHoursInsideAHolidayRangeAreTheNextOpening() {
        OpeningHours hours = OpeningHours.parse("mon-fri 08:00-22:00",
                "2026-10-01..2026-10-07, 2026-10-04=10:00-16:00", SHANGHAI);

        // Wed 30 Sep 22:30 -> Sun 4 Oct 10:00
        assertEquals(at("2026-10-04T02:00:00Z"), hours.nextOpening(Instant.parse("2026-09-30T14:30:00Z")));
    }

    @Test
    void insideAShiftThatStartedYesterdayTheNextOpeningIsNow() {
        OpeningHours hours = OpeningHours.parse("fri 20:00-02:00", "", SHANGHAI);
        Instant saturdayOneAm = Instant.parse("2026-05-15T17:00:00Z");

        assertEquals(Optional.of(saturdayOneAm), hours.nextOpening(saturdayOneAm));
        assertEquals(at("2026-05-22T12:00:00Z"), hours.nextOpening(Instant.parse("2026-05-15T18:00:00Z")));
    }

    @Test
    void looksUpToAYearAheadAndNoFurther() {
        Instant newYear = Instant.parse("2026-01-01T00:00:00Z"); // Thu 1 Jan 08:00

        OpeningHours yearOff = OpeningHours.parse("mon-fri 08:00-22:00", "2026-01-01..2026-12-31", SHANGHAI);
        assertEquals(at("2027-01-01T00:00:00Z"), yearOff.nextOpening(newYear));

        OpeningHours longer = OpeningHours.parse("mon-fri 08:00-22:00",
                "2026-01-01..2026-12-31, 2027-01-01..2027-03-31", SHANGHAI);
        assertEquals(Optional.empty(), longer.nextOpening(newYear));
    }

    @Test
    void closesAtTheEndOfTheCurrentRangeOrNowWhenClosed() {
        assertEquals(at("2026-05-15T14:00:00Z"), WEEKDAYS.closesAt(Instant.parse("2026-05-15T01:00:00Z")));
        Instant saturday = Instant.parse("2026-05-16T04:00:00Z");
        assertEquals(Optional.of(saturday), WEEKDAYS.closesAt(saturday));
    }

    @Test
    void backToBackRangesAcrossMidnightCloseOnlyAtTheEndOfTheLast() {
        OpeningHours hours = OpeningHours.parse("mon-fri 08:00-22:00; fri 22:00-02:00", "", SHANGHAI);

        // Fri 21:00 -> Sat 02:00
        assertEquals(at("2026-05-15T18:00:00Z"), hours.closesAt(Instant.parse("2026-05-15T13:00:00Z")));
    }
}
