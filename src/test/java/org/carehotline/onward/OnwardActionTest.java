package org.carehotline.onward;

import static org.carehotline.onward.OnwardStatus.ACCEPTED;
import static org.carehotline.onward.OnwardStatus.COMPLETED;
import static org.carehotline.onward.OnwardStatus.DECLINED;
import static org.carehotline.onward.OnwardStatus.MADE;
import static org.carehotline.onward.OnwardStatus.NO_LONGER_NEEDED;
import static org.carehotline.onward.OnwardStatus.SUGGESTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The onward referral state machine: every (status, action) pair against the documented table. */
class OnwardActionTest {

    /** The documented moves; every pair not listed is refused. */
    private static final Map<OnwardStatus, Map<OnwardAction, OnwardStatus>> ALLOWED = new EnumMap<>(Map.of(
            SUGGESTED, Map.of(OnwardAction.MAKE, MADE, OnwardAction.DECLINE, DECLINED,
                    OnwardAction.WITHDRAW, NO_LONGER_NEEDED),
            MADE, Map.of(OnwardAction.ACCEPT, ACCEPTED, OnwardAction.DECLINE, DECLINED,
                    OnwardAction.WITHDRAW, NO_LONGER_NEEDED),
            ACCEPTED, Map.of(OnwardAction.COMPLETE, COMPLETED, OnwardAction.WITHDRAW, NO_LONGER_NEEDED)));

    @Test
    void everyPairFollowsTheTable() {
        int allowed = 0;
        for (OnwardStatus status : OnwardStatus.values()) {
            for (OnwardAction action : OnwardAction.values()) {
                Optional<OnwardStatus> expected = Optional.ofNullable(ALLOWED.getOrDefault(status, Map.of()).get(action));
                assertEquals(expected, action.after(status), action + " from " + status);
                allowed += expected.isPresent() ? 1 : 0;
            }
        }
        assertEquals(8, allowed, "eight moves in all");
    }

    @Test
    void finalStatusesAllowNothingAndTheOthersListTheirActionsInOrder() {
        for (OnwardStatus done : List.of(DECLINED, COMPLETED, NO_LONGER_NEEDED)) {
            assertTrue(done.isFinal(), done + " is final");
            assertTrue(OnwardAction.allowedFrom(done).isEmpty());
        }
        assertFalse(ACCEPTED.isFinal());
        assertEquals(List.of(OnwardAction.MAKE, OnwardAction.DECLINE, OnwardAction.WITHDRAW),
                OnwardAction.allowedFrom(SUGGESTED));
        assertEquals(List.of(OnwardAction.COMPLETE, OnwardAction.WITHDRAW), OnwardAction.allowedFrom(ACCEPTED));
    }

    @Test
    void actionsAreNamedByTheirLowerCaseKey() {
        assertEquals("withdraw", OnwardAction.WITHDRAW.key());
        assertEquals(Optional.of(OnwardAction.ACCEPT), OnwardAction.byKey("accept"));
        assertEquals(Optional.empty(), OnwardAction.byKey("ACCEPT"));
        assertEquals(Optional.empty(), OnwardAction.byKey("reopen"));
    }

    @Test
    void aNewReferralStartsSuggestedOrMadeAndOtherNamesItsKind() {
        Instant now = Instant.parse("2026-11-22T02:00:00Z");
        assertThrows(IllegalArgumentException.class, () -> new NewOnwardReferral("c", OnwardKind.MEDICAL, "",
                "市一院", "", ACCEPTED, "u", "王芳", now));
        assertThrows(IllegalArgumentException.class, () -> new NewOnwardReferral("c", OnwardKind.OTHER, " ",
                "市一院", "", SUGGESTED, "u", "王芳", now));
        assertThrows(IllegalArgumentException.class, () -> new NewOnwardReferral("c", OnwardKind.MEDICAL, "",
                " ", "", SUGGESTED, "u", "王芳", now));
        assertEquals("", new NewOnwardReferral("c", OnwardKind.MEDICAL, "心理门诊", "市一院", "", MADE, "u", "王芳", now)
                .otherKind(), "only OTHER keeps its own name for the kind");
    }
}
