package org.reintegra.delivery;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import org.reintegra.referral.ServiceType;

/** The demo college's courses (used by the demo data only; the caller binds the college's tenant). */
public final class DemoCourses {

    private DemoCourses() {
    }

    public static void publish(EntityManager entityManager) {
        Course welding = new Course("Welding (MIG/MAG), level 2", "State vocational certificate",
                ServiceType.PROFESSIONAL_RETRAINING);
        Course cooking = new Course("Professional cooking", "Cook, level 3", ServiceType.PROFESSIONAL_RETRAINING);
        entityManager.persist(welding);
        entityManager.persist(cooking);
        entityManager.flush();
        LocalDate start = LocalDate.now().plusWeeks(3);
        entityManager.persist(new CourseIntake(welding.id(), start, start.plusMonths(5), 12));
        entityManager.persist(new CourseIntake(cooking.id(), start.plusWeeks(1), start.plusMonths(4), 2));
    }
}
