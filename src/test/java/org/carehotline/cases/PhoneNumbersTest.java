package org.carehotline.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource({
            "13800138000, 13800138000",
            "+86 138-0013-8000, 13800138000",
            "008613800138000, 13800138000",
            "8613800138000, 13800138000",
            "(021) 6123 4567, 02161234567",
            "+86 21 6123 4567, 02161234567",
            "12351, 12351",
            "+44 20 7946 0958, +442079460958",
    })
    void normalizesWhateverFormTheCarrierPresents(String raw, String expected) {
        assertEquals(Optional.of(expected), PhoneNumbers.normalize(raw));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"unknown", "Anonymous", "<unknown>", "restricted", "abc123", "12", "1380013800012345678",
            "138-ABCD-8000"})
    void anonymousOrMalformedNumbersHaveNoNormalForm(String raw) {
        assertEquals(Optional.empty(), PhoneNumbers.normalize(raw));
    }

    @ParameterizedTest
    @CsvSource({"13800138000, 138****8000", "12351, ****", "02161234567, 021****4567"})
    void masksTheMiddleOfTheNumber(String number, String masked) {
        assertEquals(masked, PhoneNumbers.mask(number));
    }
}
