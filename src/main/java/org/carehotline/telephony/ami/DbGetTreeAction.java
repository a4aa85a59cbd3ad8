package org.carehotline.telephony.ami;

import org.asteriskjava.manager.action.AbstractManagerAction;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.event.ResponseEvent;

/**
 * AMI {@code DBGetTree} (Asterisk 16.28, 18.14, 19.6 and later; main/db.c), missing from
 * asterisk-java: every AstDB entry under a family, as one {@code DBGetTreeResponse} event per
 * entry ({@code Key: /family/key}, {@code Val: value}) and a {@code DBGetTreeComplete} at the end.
 */
public final class DbGetTreeAction extends AbstractManagerAction implements EventGeneratingAction {

    private static final long serialVersionUID = 1L;

    private final String family;

    public DbGetTreeAction(String family) {
        this.family = family;
    }

    @Override
    public String getAction() {
        return "DBGetTree";
    }

    /** Read by asterisk-java's action writer (one {@code Family:} line). */
    public String getFamily() {
        return family;
    }

    @Override
    public Class<? extends ResponseEvent> getActionCompleteEventClass() {
        return DbGetTreeCompleteEvent.class;
    }
}
