package org.reintegra.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import org.reintegra.tenancy.TenantOwnedEntity;

/**
 * One intake of a course: dates and seats. Seats are taken only by a conditional update in the
 * database ({@code seats_taken < seats}), so two registrars confirming at the same moment can
 * never overbook it; the entity never changes {@code seats_taken} itself.
 */
@Entity
@Table(name = "course_intake")
public class CourseIntake extends TenantOwnedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "course_intake_id")
    @SequenceGenerator(name = "course_intake_id", sequenceName = "course_intake_id_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "course_id", nullable = false, updatable = false)
    private Long courseId;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    @Column(name = "seats", nullable = false)
    private int seats;

    @Column(name = "seats_taken", nullable = false, insertable = true, updatable = false)
    private int seatsTaken;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected CourseIntake() {
    }

    CourseIntake(long courseId, LocalDate startsOn, LocalDate endsOn, int seats) {
        this.courseId = courseId;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.seats = seats;
    }

    public Long id() {
        return id;
    }

    public long courseId() {
        return courseId;
    }

    public LocalDate startsOn() {
        return startsOn;
    }

    public LocalDate endsOn() {
        return endsOn;
    }

    public int seats() {
        return seats;
    }

    public int seatsTaken() {
        return seatsTaken;
    }
}
