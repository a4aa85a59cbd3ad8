package org.carehotline.routing.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The accepted syntax, its canonical form, and error messages fit for a startup error. */
class OpeningHoursParseTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId UTC = ZoneId.of("UTC");

    private static String weekly(String text) {
        return OpeningHours.parse(text, "", UTC).describe();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "mon-fri 08:00-22:00; sat,sun 09:00-18:00",
            "MON-FRI 08:00-22:00; Sat,Sun 09:00-18:00",
            "  mon - fri   8:00 - 22:00 ;sat , sun 09:00-18:00;",
            "mon,tue,wed,thu,fri 08:00-22:00; sun,sat 09:00-18:00",
            "sat-sun 09:00-18:00; mon-wed 08:00-22:00; thu,fri 08:00-22:00",
    })
    void spellingsOfTheSameScheduleDescribeAlike(String text) {
        assertEquals("mon-fri 08:00-22:00; sat,sun 09:00-18:00 (UTC); no holidays", weekly(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "daily 00:00-24:00                    | daily 00:00-24:00",
            "fri-mon 10:00-11:00                  | mon,fri-sun 10:00-11:00",
            "daily 22:00-08:00                    | daily 22:00-08:00",
            "fri 20:00-00:00                      | fri 20:00-24:00",
            "mon-fri 13:30-22:00,08:00-12:00      | mon-fri 08:00-12:00,13:30-22:00",
            "daily 08:00-20:00; fri 20:00-02:00   | mon-thu,sat,sun 08:00-20:00; fri 08:00-20:00,20:00-02:00",
    })
    void describeGivesTheCanonicalFormWhichParsesBackToItself(String text, String canonical) {
        assertEquals(canonical + " (UTC); no holidays", weekly(text));
        assertEquals(canonical + " (UTC); no holidays", weekly(canonical));
    }

    @Test
    void describeSummarisesHolidaysAndTheZone() {
        OpeningHours hours = OpeningHours.parse(OpeningHours.ALWAYS_OPEN,
                "2026-10-01..2026-10-07, 2026-02-17=10:00-16:00", SHANGHAI);

        assertEquals("daily 00:00-24:00 (Asia/Shanghai); 8 holidays from 2026-02-17 to 2026-10-07,"
                + " 1 with special hours", hours.describe());
        assertEquals(hours.describe(), hours.toString());
    }

    @Test
    void unknownDayMessageNamesTheEntryTheDayAndTheAcceptedForm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OpeningHours.parse("mon-fry 08:00-22:00", "", SHANGHAI));

        assertEquals("'mon-fry 08:00-22:00': unknown day 'fry' (expected mon..sun, daily, ranges like mon-fri)",
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "mon-fri 08:00-22:00; weekend 09:00-18:00 | 'weekend 09:00-18:00': unknown day 'weekend' (expected",
            "mon-fri 25:00-26:00   | 'mon-fri 25:00-26:00': bad time '25:00' (expected HH:MM from 00:00 to 24:00)",
            "mon-fri 08:60-09:00   | bad time '08:60' (expected HH:MM",
            "mon-fri 08:00-24:30   | bad time '24:30' (expected HH:MM",
            "mon-fri 08:00-08:00   | empty time range '08:00-08:00' (use 00:00-24:00 for all day",
            "mon-fri 24:00-02:00   | starts at 24:00 (use 00:00)",
            "mon-fri 08:00         | bad time range '08:00' (expected HH:MM-HH:MM",
            "mon-fri 08:00-12:00,  | bad time range '' (expected HH:MM-HH:MM",
            "mon-fri               | 'mon-fri': no opening times after the days (expected days then HH:MM-HH:MM",
            "08:00-22:00           | no days before the times (expected mon..sun",
            "mon-tue-wed 08:00-09:00 | unknown days 'mon-tue-wed' (expected mon..sun",
            "\" ; \"               | empty weekly schedule (expected e.g.",
    })
    void weeklyErrorsNameTheOffendingPartAndTheAcceptedForm(String weekly, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OpeningHours.parse(weekly, "", SHANGHAI));

        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "2026-10-01,2026-02-30     | '2026-02-30': bad date '2026-02-30' (expected ISO dates like 2026-10-01",
            "2026-13-01                | bad date '2026-13-01' (expected",
            "oct 1                     | 'oct 1': bad date 'oct 1' (expected",
            "2026-10-07..2026-10-01    | '2026-10-07..2026-10-01': date range ends before it starts (expected",
            "2026-01-01..2027-06-01    | date range longer than 366 days",
            "2026-02-17=22:00-02:00    | special hours '22:00-02:00' run past midnight (they must end by 24:00",
            "2026-02-17=10:00-25:00    | '2026-02-17=10:00-25:00': bad time '25:00' (expected HH:MM",
            "2026-02-17=               | bad time range '' (expected HH:MM-HH:MM",
            "10:00-16:00               | bad date '10:00-16:00' (expected",
    })
    void holidayErrorsNameTheOffendingItemAndTheAcceptedForm(String holidays, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OpeningHours.parse(OpeningHours.ALWAYS_OPEN, holidays, SHANGHAI));

        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void blankHolidaysMeanNone() {
        assertEquals("daily 00:00-24:00 (UTC); no holidays",
                OpeningHours.parse(OpeningHours.ALWAYS_OPEN, "  , ", UTC).describe());
    }
}
