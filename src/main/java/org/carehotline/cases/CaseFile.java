package org.carehotline.cases;

import java.util.List;
import java.util.Optional;

/**
 * A case with everything the case page shows beyond {@link CareCase}: the presenting problem,
 * the current risk and its history, the status history, the outcome and who is assigned.
 */
public record CaseFile(CareCase base, String presentingProblem, Optional<RiskAssessment> risk,
                       List<RiskAssessment> riskHistory, List<StatusChange> statusHistory, String outcome,
                       List<String> assignedTo, List<Assignment> assignments) {

    /** A supervisor gave the case to a counselor. */
    public record Assignment(String to, String by, java.time.Instant at) {}
}
