package org.reintegra.referral.api;

import java.util.List;
import org.reintegra.access.InputRejected;

/** A batch refused before any work: every refused field of every item, each named within the batch. */
class BatchRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<InputRejected> refused;

    BatchRejected(List<InputRejected> refused) {
        super(refused.size() + " refused fields");
        this.refused = List.copyOf(refused);
    }

    List<InputRejected> refused() {
        return refused;
    }
}
