package org.reintegra.it;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.reintegra.access.Roles;
import org.reintegra.delivery.EnrolmentService;
import org.reintegra.delivery.SessionRefused;

/**
 * In-container tests only: calls the enrolment service as a college registrar would (run-as the
 * registrar role, principal "it.registrar" in the test deployment's role mapping), each call in a
 * transaction of its own, so that concurrent calls really compete.
 */
@Stateless
@PermitAll
@RunAs(Roles.COLLEGE_REGISTRAR)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RegistrarProbe {

    @EJB
    EnrolmentService enrolments;

    /** "confirmed", or the message key of the refusal. */
    public String confirm(long enrolmentId, long version) {
        try {
            enrolments.confirm(enrolmentId, version);
            return "confirmed";
        } catch (SessionRefused refused) {
            return refused.messageKey();
        }
    }
}
