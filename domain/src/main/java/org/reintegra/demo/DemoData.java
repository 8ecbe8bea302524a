package org.reintegra.demo;

import static org.reintegra.demo.DemoTenants.JUSTICE_ART_NGO;
import static org.reintegra.demo.DemoTenants.NEW_PATH_NGO;
import static org.reintegra.demo.DemoTenants.PENITENTIARY_SERVICE;
import static org.reintegra.demo.DemoTenants.PROBATION_AGENCY;
import static org.reintegra.demo.DemoTenants.VOCATIONAL_COLLEGE;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.reintegra.organisation.Organisation;
import org.reintegra.organisation.OrganisationCategory;
import org.reintegra.organisation.OrganisationKind;
import org.reintegra.tenancy.TenantBinding;
import org.reintegra.tenancy.TenantId;

/**
 * Loads the demo tenants and their referrals into an empty database. Each tenant's part runs in a
 * transaction of its own bound to that tenant, so the demo data passes through both walls like any
 * other write.
 */
@Stateless
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @EJB
    private DemoTenantWriter writer;

    /** Loads the demo data unless organisations exist already; true when it loaded. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean loadIfEmpty() {
        if (writer.organisationCount() > 0) {
            return false;
        }
        writer.registerOrganisations(List.of(
                new Organisation(PROBATION_AGENCY, OrganisationKind.AGENCY, OrganisationCategory.AGENCY, "National Probation Agency", Instant.now()),
                new Organisation(PENITENTIARY_SERVICE, OrganisationKind.AGENCY, OrganisationCategory.AGENCY, "State Penitentiary Service", Instant.now()),
                new Organisation(JUSTICE_ART_NGO, OrganisationKind.PARTNER, OrganisationCategory.LEGAL_AID_CENTRE, "Justice & Art NGO", Instant.now()),
                new Organisation(NEW_PATH_NGO, OrganisationKind.PARTNER, OrganisationCategory.CLINIC, "New Path Psychosocial Centre", Instant.now()),
                new Organisation(VOCATIONAL_COLLEGE, OrganisationKind.PARTNER, OrganisationCategory.VOCATIONAL_COLLEGE, "Central Vocational College", Instant.now())));
        Map<Long, PartnerStep> probationReferrals = as(PROBATION_AGENCY, () -> writer.sendProbationAgencyReferrals());
        Map<Long, PartnerStep> penitentiaryReferrals = as(PENITENTIARY_SERVICE, () -> writer.sendPenitentiaryServiceReferrals());
        as(JUSTICE_ART_NGO, () -> writer.workAsPartner(probationReferrals, penitentiaryReferrals, "lawyer.tamar"));
        as(NEW_PATH_NGO, () -> writer.workAsPartner(probationReferrals, penitentiaryReferrals, "caseworker.dana"));
        as(VOCATIONAL_COLLEGE, () -> writer.workAsPartner(probationReferrals, penitentiaryReferrals, "registrar.erlan"));
        as(VOCATIONAL_COLLEGE, writer::publishCollegeCourses);
        for (TenantId partner : List.of(JUSTICE_ART_NGO, NEW_PATH_NGO, VOCATIONAL_COLLEGE)) {
            as(partner, writer::publishCatalogue);
        }
        LOG.info(() -> "Demo data loaded: " + (probationReferrals.size() + penitentiaryReferrals.size()) + " referrals");
        return true;
    }

    private static <T> T as(TenantId tenant, java.util.concurrent.Callable<T> work) {
        try {
            return TenantBinding.callAs(tenant, work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
