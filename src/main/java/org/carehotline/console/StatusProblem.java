package org.carehotline.console;

import java.util.Optional;
import org.carehotline.routing.CounselorStatus;
import org.carehotline.telephony.ami.AmiStatus;

/**
 * Why a counselor who asked to take calls is still offline, in words they can act on: the
 * server has no link to the telephone system (AMI), their account has no phone, or their phone
 * is not registered. Read from what routing and the AMI link already report.
 */
final class StatusProblem {

    private StatusProblem() {
    }

    /** The message key of the reason, or empty when nothing stands in the way. */
    static Optional<String> of(CounselorStatus s, AmiStatus ami) {
        if (!s.console().signedIn()) {
            return Optional.empty(); // they chose to be offline
        }
        if (s.counselor().endpoint().isEmpty()) {
            return Optional.of("status.problem.noPhone");
        }
        if (!"CONNECTED".equals(ami.state())) {
            return Optional.of("status.problem.noAmi");
        }
        if (!s.device().signedIn()) {
            return Optional.of("status.problem.notRegistered");
        }
        return Optional.empty();
    }
}
