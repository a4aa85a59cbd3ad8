package org.carehotline.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.carehotline.cases.CaseStatus;
import org.carehotline.cases.Category;
import org.carehotline.cases.Disposition;
import org.carehotline.cases.RiskLevel;
import org.carehotline.counselors.Role;
import org.carehotline.emergency.EmergencyParty;
import org.carehotline.emergency.EmergencyResult;
import org.carehotline.followups.Outcome;
import org.carehotline.onward.OnwardKind;
import org.carehotline.onward.OnwardStatus;
import org.carehotline.routing.PresenceState;
import org.junit.jupiter.api.Test;

/** The code lists: how free text maps onto codes, how stored values are labelled, and that every enum has labels. */
class VocabularyTest {

    @Test
    void everyWayOfWritingTruckDriverIsTheOneCode() {
        for (String written : List.of("货车司机", "卡车司机", "货车", "卡车", "大货车司机", "truck driver", "Truck Driver",
                "trucker", "TRUCKER", "truck_driver", "truck-driver", " 货车司机 ", "lorry driver", "货运司机")) {
            assertEquals("truck_driver", Vocabulary.OCCUPATION.toCode(written), written);
        }
    }

    @Test
    void theOtherOccupationsMapFromTheirChineseAndEnglishNamesAndVariants() {
        assertEquals("courier", Vocabulary.OCCUPATION.toCode("快递小哥"));
        assertEquals("courier", Vocabulary.OCCUPATION.toCode("Courier"));
        assertEquals("delivery_rider", Vocabulary.OCCUPATION.toCode("外卖骑手"));
        assertEquals("delivery_rider", Vocabulary.OCCUPATION.toCode("food delivery rider"));
        assertEquals("ride_hailing_driver", Vocabulary.OCCUPATION.toCode("网约车司机"));
        assertEquals("ride_hailing_driver", Vocabulary.OCCUPATION.toCode("Ride-hailing driver"));
        assertEquals("construction_worker", Vocabulary.OCCUPATION.toCode("农民工"));
        assertEquals("construction_worker", Vocabulary.OCCUPATION.toCode("建筑工人/农民工"));
        assertEquals("other", Vocabulary.OCCUPATION.toCode("其它"));
    }

    @Test
    void everyVariantOfEveryListMapsToItsOwnCode() {
        for (CodeList list : Vocabulary.ALL) {
            for (Term term : list.terms()) {
                Stream.concat(Stream.of(term.code(), term.zh(), term.en()), term.variants().stream()).forEach(
                        written -> assertEquals(term.code(), list.match(written).orElse("(none)"),
                                list.name() + ": " + written));
            }
        }
    }

    @Test
    void anUnknownValueIsKeptVisiblyAsOtherAndLabelledAsSuch() {
        assertEquals("other: 挖掘机师傅", Vocabulary.OCCUPATION.toCode("挖掘机师傅"));
        assertEquals("other: 挖掘机师傅", Vocabulary.OCCUPATION.toCode("other: 挖掘机师傅"), "idempotent");
        assertEquals("truck_driver", Vocabulary.OCCUPATION.toCode("other: 货车司机"), "a later variant still maps");
        assertEquals("其他：挖掘机师傅", Vocabulary.OCCUPATION.label("other: 挖掘机师傅", "zh"));
        assertEquals("other: 挖掘机师傅", Vocabulary.OCCUPATION.label("other: 挖掘机师傅", "en"));
        assertEquals("other: 郑州", Vocabulary.REGION.toCode("其他：郑州"), "the label written back into the form");
        assertEquals("", Vocabulary.OCCUPATION.toCode("  "));
    }

    @Test
    void aCodeWithNoLabelShowsAsItself() {
        assertEquals("astronaut", Vocabulary.OCCUPATION.label("astronaut", "zh"));
        assertEquals("货车司机", Vocabulary.OCCUPATION.label("货车司机", "zh"), "an old record written as a label");
        assertEquals("Truck driver", Vocabulary.OCCUPATION.label("货车司机", "en"));
        assertEquals("whatever", Vocabulary.label("no-such-list", "whatever", "zh"));
        assertEquals("", Vocabulary.OCCUPATION.label(null, "zh"));
    }

    @Test
    void regionsMatchWithOrWithoutTheProvinceSuffix() {
        assertEquals("henan", Vocabulary.REGION.toCode("河南省"));
        assertEquals("henan", Vocabulary.REGION.toCode("河南"));
        assertEquals("henan", Vocabulary.REGION.toCode("Henan"));
        assertEquals("guangxi", Vocabulary.REGION.toCode("广西壮族自治区"));
        assertEquals("other: 郑州市", Vocabulary.REGION.toCode("郑州市"));
    }

    @Test
    void severalDialectsBecomeCommaSeparatedCodesAndReadBackInTheLanguage() {
        assertEquals("mandarin,henan", Vocabulary.DIALECT.toCodes("mandarin, henan"));
        assertEquals("mandarin,henan", Vocabulary.DIALECT.toCodes("普通话、河南话"));
        assertEquals("cantonese,other: 潮汕话", Vocabulary.DIALECT.toCodes("广东话，潮汕话，粤语"));
        assertEquals("普通话、河南话", Vocabulary.DIALECT.labels("mandarin,henan", "zh"));
        assertEquals("Mandarin, Henan dialect", Vocabulary.DIALECT.labels("mandarin,henan", "en"));
    }

    @Test
    void systemSentencesWrittenInEnglishReadInChinese() {
        assertEquals("来电者按了 0（我现在就需要帮助）", Vocabulary.CRISIS_REASON.label("caller pressed 0 (help now)", "zh"));
        assertEquals("第一通来电", Vocabulary.NOTE.label("first call", "zh"));
        assertEquals("来电已接听", Vocabulary.NOTE.label("call answered", "zh"));
        assertEquals("来电者要求回电", Vocabulary.NOTE.label("callback_request", "zh"));
        assertEquals("连续未接", Vocabulary.PAUSE.label("missed calls", "zh"));
    }

    @Test
    void auditDetailsAndSettingChangesAreDescribedWordByWord() {
        assertEquals("家属 已联系上", Vocabulary.describe("FAMILY REACHED", "zh"));
        assertEquals("Family Reached", Vocabulary.describe("FAMILY REACHED", "en"));
        assertEquals("开放时间: 周一 08:00-22:00 → 不开放; 非服务时间来电: 转值班电话 → 留下回电请求",
                Vocabulary.describe("hours: mon 08:00-22:00 → closed; closed action: oncall → callback", "zh"));
        assertEquals("主菜单: 1 心理关爱, 0 危机干预",
                Vocabulary.describe("menu: 1 PSYCHOLOGICAL_SUPPORT, 0 CRISIS_INTERVENTION", "zh"));
        assertEquals("C-2026-0001 abc123", Vocabulary.describe("C-2026-0001 abc123", "zh"), "ids stay");
        assertEquals("来电弹屏", Vocabulary.describe("screen pop", "zh"));
    }

    @Test
    void everyEnumConstantHasItsTermAndEveryListHasUniqueCodesWithBothLabels() {
        assertCovers(Vocabulary.STATUS, names(CaseStatus.values()));
        assertCovers(Vocabulary.CATEGORY, names(Category.values()));
        assertCovers(Vocabulary.RISK, names(RiskLevel.values()));
        assertCovers(Vocabulary.TIMEFRAME, names(RiskLevel.Timeframe.values()));
        assertCovers(Vocabulary.DISPOSITION, names(Disposition.values()));
        assertCovers(Vocabulary.ROLE, names(Role.values()));
        assertCovers(Vocabulary.STATE, names(PresenceState.values()));
        assertCovers(Vocabulary.EMERGENCY_PARTY, names(EmergencyParty.values()));
        assertCovers(Vocabulary.EMERGENCY_RESULT, names(EmergencyResult.values()));
        assertCovers(Vocabulary.ONWARD_KIND, names(OnwardKind.values()));
        assertCovers(Vocabulary.ONWARD_STATUS, names(OnwardStatus.values()));
        assertCovers(Vocabulary.FOLLOWUP_OUTCOME, Arrays.stream(Outcome.values()).map(Outcome::code).toList());
        Set<String> names = new HashSet<>();
        for (CodeList list : Vocabulary.ALL) {
            assertTrue(names.add(list.name()), "one list per name: " + list.name());
            assertEquals(list.codes().size(), new HashSet<>(list.codes()).size(), list.name() + " has unique codes");
            list.terms().forEach(t -> assertTrue(!t.zh().isBlank() && !t.en().isBlank(), list.name() + "." + t.code()));
        }
    }

    private static void assertCovers(CodeList list, List<String> codes) {
        codes.forEach(c -> assertTrue(list.term(c).isPresent(), list.name() + " lacks " + c));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
