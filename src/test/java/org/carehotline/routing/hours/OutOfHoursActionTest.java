package org.carehotline.routing.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class OutOfHoursActionTest {

    @ParameterizedTest
    @CsvSource({"oncall, ONCALL", "callback, CALLBACK", "' CallBack ', CALLBACK", "ONCALL, ONCALL"})
    void parsesTheSettingCaseInsensitively(String text, OutOfHoursAction expected) {
        assertEquals(expected, OutOfHoursAction.parse(text));
    }

    @ParameterizedTest
    @EnumSource(OutOfHoursAction.class)
    void configNameParsesBack(OutOfHoursAction action) {
        assertEquals(action, OutOfHoursAction.parse(action.configName()));
    }

    @Test
    void anythingElseNamesTheValueAndTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutOfHoursAction.parse("on-call"));

        assertEquals("'on-call': unknown out-of-hours action (expected oncall or callback)", e.getMessage());
    }
}
