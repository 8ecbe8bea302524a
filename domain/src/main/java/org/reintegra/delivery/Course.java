package org.reintegra.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.reintegra.referral.ServiceType;
import org.reintegra.tenancy.TenantOwnedEntity;

/** A course a college (or retraining centre) runs, in intakes with seats. */
@Entity
@Table(name = "course")
public class Course extends TenantOwnedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "course_id")
    @SequenceGenerator(name = "course_id", sequenceName = "course_id_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "qualification", length = 200)
    private String qualification;

    @Enumerated(EnumType.STRING)
    @Column(name = "service_type", nullable = false, length = 40)
    private ServiceType serviceType;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Course() {
    }

    Course(String title, String qualification, ServiceType serviceType) {
        this.title = title;
        this.qualification = qualification;
        this.serviceType = serviceType;
        this.active = true;
    }

    public Long id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String qualification() {
        return qualification;
    }

    public ServiceType serviceType() {
        return serviceType;
    }
}
