package io.firebreak.triage.decision;

import io.firebreak.triage.routing.DepartmentRouter.Loads;
import java.util.List;

/** What a decision needs to know about other complaints: people's loads, and who owned the earlier ones. */
interface Workload {

    /** Nothing owned by anyone, no earlier owners: for decisions that do not look. */
    Workload NONE = new Workload() {
        @Override
        public Loads loads(String excludingComplaintId) {
            return Loads.NONE;
        }

        @Override
        public List<String> ownersOf(List<String> complaintIds) {
            return List.of();
        }
    };

    /** Open complaints per person, not counting this one (it is being decided). */
    Loads loads(String excludingComplaintId);

    /** The owners of these complaints, where triage decided them. */
    List<String> ownersOf(List<String> complaintIds);
}
