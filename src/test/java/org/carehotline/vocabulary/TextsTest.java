package org.carehotline.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The templates' texts: bundle first, then the vocabulary, then a fallback that never fails a page. */
class TextsTest {

    @Test
    void aMissingCodeKeyShowsTheLabelOrTheCodeAndAnyOtherMissingKeyShowsItself() {
        Texts zh = Texts.of(Map.of("form.save", "保存"), "zh");
        assertEquals("保存", zh.get("form.save"));
        assertEquals("货车司机", zh.get("occupation.truck_driver"));
        assertEquals("货车司机", zh.get("occupation.货车司机"), "the key that used to break the card");
        assertEquals("其他：挖掘机", zh.get("occupation.other: 挖掘机"));
        assertEquals("astronaut", zh.get("occupation.astronaut"));
        assertEquals("no.such.key", zh.get("no.such.key"));
        assertEquals("Truck driver", Texts.of(Map.of(), "en").get("occupation.truck_driver"));
    }
}
