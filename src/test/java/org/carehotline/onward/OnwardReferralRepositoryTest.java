package org.carehotline.onward;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.carehotline.onward.OnwardReferralRepository.Outcome;
import org.carehotline.store.MongoStore;
import org.carehotline.support.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Onward referrals through the real driver on the embedded store: history, refusals, other cases' referrals. */
class OnwardReferralRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");

    @TempDir
    Path dataDir;
    private MongoStore store;
    private OnwardReferralRepository referrals;

    @BeforeEach
    void open() {
        store = TestStores.open(dataDir);
        referrals = new OnwardReferralRepository(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String legalAid(String caseId, Instant at) {
        return referrals.refer(new NewOnwardReferral(caseId, OnwardKind.LEGAL_AID, "", "市法律援助中心 张律师",
                "欠薪三个月", OnwardStatus.SUGGESTED, "u1", "王芳", at));
    }

    @Test
    void eachChangeIsKeptWithWhoAndWhen() {
        String id = legalAid("case-1", T0);
        assertEquals(Outcome.MOVED, referrals.apply("case-1", id, OnwardAction.MAKE, "u1", "王芳", "已电话联系",
                T0.plusSeconds(60)));
        assertEquals(Outcome.MOVED, referrals.apply("case-1", id, OnwardAction.ACCEPT, "u2", "李伟", "",
                T0.plusSeconds(3600)));

        OnwardReferral r = referrals.forCase("case-1").get(0);
        assertEquals(OnwardStatus.ACCEPTED, r.status());
        assertEquals("市法律援助中心 张律师", r.organisation());
        assertEquals("欠薪三个月", r.note());
        assertEquals(List.of(
                new OnwardReferral.Change(OnwardStatus.SUGGESTED, "", "u1", "王芳", "欠薪三个月", T0),
                new OnwardReferral.Change(OnwardStatus.MADE, "make", "u1", "王芳", "已电话联系", T0.plusSeconds(60)),
                new OnwardReferral.Change(OnwardStatus.ACCEPTED, "accept", "u2", "李伟", "", T0.plusSeconds(3600))),
                r.history());
    }

    @Test
    void anIllegalActionChangesNothing() {
        String id = legalAid("case-1", T0);
        assertEquals(Outcome.NOT_ALLOWED, referrals.apply("case-1", id, OnwardAction.COMPLETE, "u1", "王芳", "",
                T0.plusSeconds(1)), "suggested cannot be completed");
        referrals.apply("case-1", id, OnwardAction.WITHDRAW, "u1", "王芳", "工资已结清", T0.plusSeconds(2));
        assertEquals(Outcome.NOT_ALLOWED, referrals.apply("case-1", id, OnwardAction.MAKE, "u1", "王芳", "",
                T0.plusSeconds(3)), "no longer needed is final");
        OnwardReferral r = referrals.forCase("case-1").get(0);
        assertEquals(OnwardStatus.NO_LONGER_NEEDED, r.status());
        assertEquals(2, r.history().size(), "the refused actions left no trace");
    }

    @Test
    void aReferralIsOnlyMovedThroughItsOwnCase() {
        String id = legalAid("case-1", T0);
        assertEquals(Outcome.NOT_FOUND, referrals.apply("case-2", id, OnwardAction.MAKE, "u9", "外人", "",
                T0.plusSeconds(1)));
        assertEquals(Outcome.NOT_FOUND, referrals.apply("case-1", "not-an-id", OnwardAction.MAKE, "u1", "王芳", "",
                T0.plusSeconds(1)));
        assertEquals(OnwardStatus.SUGGESTED, referrals.forCase("case-1").get(0).status());
    }

    @Test
    void aCasesReferralsOldestFirstAndOtherKindsKeepTheirName() {
        String later = referrals.refer(new NewOnwardReferral("case-1", OnwardKind.OTHER, "子女入学", "区教育局",
                "", OnwardStatus.MADE, "u1", "王芳", T0.plusSeconds(600)));
        String earlier = legalAid("case-1", T0);
        legalAid("case-2", T0);
        List<OnwardReferral> list = referrals.forCase("case-1");
        assertEquals(List.of(earlier, later), list.stream().map(OnwardReferral::id).toList());
        assertEquals("子女入学", list.get(1).otherKind());
        assertEquals(OnwardStatus.MADE, list.get(1).status(), "recorded as made during the call");
    }
}
