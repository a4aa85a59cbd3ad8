package org.carehotline.console.auth;

import java.util.Set;
import org.carehotline.counselors.Counselor;
import org.carehotline.counselors.Role;

/**
 * The person signed in to this session. Kept in the (local) session store; never trusted from
 * the browser.
 */
public record User(String id, String login, String displayName, Set<Role> roles) {

    static User of(Counselor c) {
        return new User(c.id(), c.login(), c.displayName(), Set.copyOf(c.roles()));
    }

    /** Supervisors and administrators read the line's reports and import the union's registry. */
    public boolean readsReports() {
        return hasAny(Role.SUPERVISOR, Role.ADMINISTRATOR);
    }

    public boolean hasAny(Role... wanted) {
        for (Role r : wanted) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    /** Supervisors and administrators see every case; others only the cases they worked on. */
    public boolean seesAllCases() {
        return hasAny(Role.SUPERVISOR, Role.ADMINISTRATOR);
    }

    /** Referrers (union staff outside the hotline) see numbers masked. */
    public boolean seesPhoneNumbers() {
        return hasAny(Role.COUNSELOR, Role.LAWYER, Role.SUPERVISOR, Role.ADMINISTRATOR);
    }

    /** Reads the audit log, manages accounts. */
    public boolean administers() {
        return roles.contains(Role.ADMINISTRATOR);
    }

    /** Takes calls: has a status, gets screen pops. */
    public boolean takesCalls() {
        return hasAny(Role.COUNSELOR, Role.LAWYER);
    }

    /** Does case work: reads and writes cases (referrers do not). */
    public boolean worksCases() {
        return hasAny(Role.COUNSELOR, Role.LAWYER, Role.SUPERVISOR, Role.ADMINISTRATOR);
    }
}
