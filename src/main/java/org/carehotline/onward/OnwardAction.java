package org.carehotline.onward;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The named actions that move an onward referral, and the statuses each may start from:
 *
 * <pre>
 *   SUGGESTED --make--> MADE --accept--> ACCEPTED --complete--> COMPLETED
 *   SUGGESTED, MADE --decline--> DECLINED            (the worker or the organisation said no)
 *   SUGGESTED, MADE, ACCEPTED --withdraw--> NO_LONGER_NEEDED
 * </pre>
 *
 * Anything else is refused. Pure: no database, safe from any thread.
 */
public enum OnwardAction {
    MAKE(OnwardStatus.MADE, OnwardStatus.SUGGESTED),
    ACCEPT(OnwardStatus.ACCEPTED, OnwardStatus.MADE),
    DECLINE(OnwardStatus.DECLINED, OnwardStatus.SUGGESTED, OnwardStatus.MADE),
    COMPLETE(OnwardStatus.COMPLETED, OnwardStatus.ACCEPTED),
    WITHDRAW(OnwardStatus.NO_LONGER_NEEDED, OnwardStatus.SUGGESTED, OnwardStatus.MADE, OnwardStatus.ACCEPTED);

    private final OnwardStatus to;
    private final Set<OnwardStatus> from;

    OnwardAction(OnwardStatus to, OnwardStatus... from) {
        this.to = to;
        this.from = Set.of(from);
    }

    /** The status this action leads to. */
    public OnwardStatus to() {
        return to;
    }

    /** The statuses this action may start from. */
    public Set<OnwardStatus> from() {
        return from;
    }

    /** The status after this action from {@code current}, or empty when the action is not allowed there. */
    public Optional<OnwardStatus> after(OnwardStatus current) {
        return from.contains(current) ? Optional.of(to) : Optional.empty();
    }

    /** The actions allowed from a status, in declaration order (empty for a final status). */
    public static List<OnwardAction> allowedFrom(OnwardStatus status) {
        return Arrays.stream(values()).filter(a -> a.from.contains(status)).toList();
    }

    /** The action's name in forms and the audit log: {@code make}, {@code accept}, ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The action named {@code key} ({@link #key()}), or empty. */
    public static Optional<OnwardAction> byKey(String key) {
        return Arrays.stream(values()).filter(a -> a.key().equals(key)).findFirst();
    }
}
