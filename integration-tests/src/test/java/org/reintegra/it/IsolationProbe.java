package org.reintegra.it;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.persistence.jpa.JpaQuery;
import org.reintegra.client.Client;
import org.reintegra.referral.Referral;
import org.reintegra.referral.ReferralStatusChange;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantBound;

/**
 * Runs inside the portal (in-container tests only) and touches tenant data through every path the
 * application has: JPQL, find, relationships, bulk JPQL, native SQL. Methods marked
 * {@link TenantBound} run for the tenant bound by the test; the others run with no tenant at all.
 */
@Stateless
public class IsolationProbe {

    @jakarta.annotation.Resource
    private jakarta.ejb.SessionContext sessionContext;

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    EntityManager entityManager;

    @TenantBound
    public Set<String> clientReferencePrefixesSeenByJpql() {
        Set<String> references = new TreeSet<>();
        for (Client client : entityManager.createQuery("SELECT c FROM Client c", Client.class).getResultList()) {
            references.add(client.reference().substring(0, 3));
        }
        return references;
    }

    @TenantBound
    public List<String> clientFamilyNames() {
        return entityManager.createQuery("SELECT c.familyName FROM Client c ORDER BY c.id", String.class).getResultList();
    }

    @TenantBound
    public List<Long> historyReferralIdsByNativeSql() {
        @SuppressWarnings("unchecked")
        List<Number> ids = entityManager.createNativeQuery(
                "SELECT DISTINCT referral_id FROM referral_status_change ORDER BY 1").getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** Tries to add a forged history row to a referral of another partner; returns the error. */
    @TenantBound
    public String forgeHistoryFor(String agency, long referralId) {
        try {
            entityManager.createNativeQuery("INSERT INTO referral_status_change (agency_tenant_id, partner_tenant_id, id,"
                    + " referral_id, to_status, command, changed_by, changed_by_tenant, changed_at)"
                    + " VALUES (?1, current_setting('app.tenant_id'), nextval('referral_status_change_id_seq'), ?2,"
                    + " 'ACCEPTED', 'ACCEPT', 'forger', current_setting('app.tenant_id'), now())")
                    .setParameter(1, agency).setParameter(2, referralId).executeUpdate();
            return "inserted";
        } catch (RuntimeException refused) {
            return "refused";
        }
    }

    /** Tries to rewrite the agency's risk summary from the partner's side. */
    @TenantBound
    public int rewriteRiskSummary(long referralId) {
        return entityManager.createNativeQuery("UPDATE referral SET risk_summary = 'changed by partner' WHERE id = ?1")
                .setParameter(1, referralId).executeUpdate();
    }

    @TenantBound
    public List<Long> clientIds() {
        return entityManager.createQuery("SELECT c.id FROM Client c ORDER BY c.id", Long.class).getResultList();
    }

    @TenantBound
    public String findClientReference(long id) {
        Client client = entityManager.find(Client.class, id);
        return client == null ? null : client.reference();
    }

    @TenantBound
    public List<Long> referralIds() {
        return entityManager.createQuery("SELECT r.id FROM Referral r ORDER BY r.id", Long.class).getResultList();
    }

    @TenantBound
    public String findReferralReference(long id) {
        Referral referral = entityManager.find(Referral.class, id);
        return referral == null ? null : referral.reference();
    }

    /** Referral ids reached through the history relationship (status change to referral). */
    @TenantBound
    public List<Long> referralIdsThroughHistory() {
        return entityManager.createQuery("SELECT DISTINCT h.referral.id FROM ReferralStatusChange h ORDER BY h.referral.id",
                Long.class).getResultList();
    }

    /** Referral ids reached by navigating from each visible status change to its referral. */
    @TenantBound
    public Set<Long> referralIdsByNavigation() {
        Set<Long> ids = new TreeSet<>();
        for (ReferralStatusChange change : entityManager.createQuery("SELECT h FROM ReferralStatusChange h",
                ReferralStatusChange.class).getResultList()) {
            ids.add(entityManager.createQuery("SELECT r FROM Referral r JOIN r.history h WHERE h = :change", Referral.class)
                    .setParameter("change", change).getSingleResult().id());
        }
        return ids;
    }

    @TenantBound
    public int renameEveryClientWithJpql(String familyName) {
        return entityManager.createQuery("UPDATE Client c SET c.familyName = :name")
                .setParameter("name", familyName).executeUpdate();
    }

    @TenantBound
    public String bulkDeleteSql() {
        return entityManager.createQuery("DELETE FROM Client c").unwrap(JpaQuery.class).getDatabaseQuery().getSQLString();
    }

    @TenantBound
    public int deleteEveryClientWithJpql() {
        return entityManager.createQuery("DELETE FROM Client c").executeUpdate();
    }

    @TenantBound
    public List<String> clientTenantsSeenByNativeSql() {
        @SuppressWarnings("unchecked")
        List<String> tenants = entityManager.createNativeQuery("SELECT DISTINCT tenant_id FROM client ORDER BY 1")
                .getResultList();
        return tenants;
    }

    @TenantBound
    public int renameClientWithNativeSql(long id, String familyName) {
        return entityManager.createNativeQuery("UPDATE client SET family_name = ?1 WHERE id = ?2")
                .setParameter(1, familyName).setParameter(2, id).executeUpdate();
    }

    /** The kinds of referral details and attachments and the changelog fields the bound tenant reads with plain SQL. */
    @TenantBound
    public Set<String> sensitiveKindsSeenByNativeSql() {
        @SuppressWarnings("unchecked")
        List<String> kinds = entityManager.createNativeQuery("SELECT DISTINCT 'detail:' || kind FROM referral_detail"
                + " UNION SELECT DISTINCT 'attachment:' || kind FROM referral_attachment"
                + " UNION SELECT DISTINCT 'changelog:' || field FROM referral_amendment").getResultList();
        return new java.util.TreeSet<>(kinds);
    }

    /** Writes a health and a legal attachment and changelog lines of each sensitive field, as the agency. */
    @TenantBound
    public void writeSensitiveRowsOf(long referralId) {
        Object[] parties = (Object[]) entityManager.createNativeQuery(
                "SELECT agency_tenant_id, partner_tenant_id FROM referral WHERE id = ?1").setParameter(1, referralId)
                .getSingleResult();
        for (String kind : List.of("HEALTH", "LEGAL", "GENERAL")) {
            entityManager.createNativeQuery("INSERT INTO referral_attachment (agency_tenant_id, partner_tenant_id, id,"
                            + " referral_id, kind, file_name, media_type, size_bytes, sha256, content, uploaded_by,"
                            + " uploaded_by_side, uploaded_at, visible_to_partner) VALUES (?1, ?2,"
                            + " nextval('referral_attachment_id_seq'), ?3, ?4, 'probe.txt', 'text/plain', 5, 'x', 'probe'::bytea,"
                            + " 'probe', 'AGENCY', now(), true)")
                    .setParameter(1, parties[0]).setParameter(2, parties[1]).setParameter(3, referralId)
                    .setParameter(4, kind).executeUpdate();
        }
        for (String field : List.of("RISK_SUMMARY", "HEALTH_NOTES", "LEGAL_CASE_DETAILS", "SENDING_OFFICE")) {
            entityManager.createNativeQuery("INSERT INTO referral_amendment (agency_tenant_id, partner_tenant_id, id,"
                            + " referral_id, field, old_value, new_value, reason, amended_by, amended_by_side, amended_at)"
                            + " VALUES (?1, ?2, nextval('referral_amendment_id_seq'), ?3, ?4, 'a', 'b', 'probe', 'probe',"
                            + " 'AGENCY', now())")
                    .setParameter(1, parties[0]).setParameter(2, parties[1]).setParameter(3, referralId)
                    .setParameter(4, field).executeUpdate();
        }
    }

    /** A test agency and college that no demo user belongs to (written without a tenant: the directory). */
    public void createTestOrganisations(String agency, String college) {
        entityManager.createNativeQuery("INSERT INTO organisation (id, kind, name, created_at, version, category)"
                + " VALUES (?1, 'AGENCY', 'IT seat agency', now(), 1, 'AGENCY'),"
                + " (?2, 'PARTNER', 'IT seat college', now(), 1, 'VOCATIONAL_COLLEGE') ON CONFLICT DO NOTHING")
                .setParameter(1, agency).setParameter(2, college).executeUpdate();
    }

    /** As the agency: n clients, each with an accepted referral to the college. */
    @TenantBound
    public List<Long> acceptedReferralsTo(String college, int n) {
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            long client = ((Number) entityManager.createNativeQuery("SELECT nextval('client_id_seq')").getSingleResult())
                    .longValue();
            entityManager.createNativeQuery("INSERT INTO client (tenant_id, id, reference, given_name, family_name,"
                            + " date_of_birth, sex, created_at, version, search_key) VALUES (current_setting('app.tenant_id'),"
                            + " ?1, ?2, 'Seat', ?3, DATE '1990-01-01', 'MALE', now(), 1, ?3)")
                    .setParameter(1, client).setParameter(2, "IT-SEAT-" + client).setParameter(3, "Probe " + client)
                    .executeUpdate();
            long referral = ((Number) entityManager.createNativeQuery("SELECT nextval('referral_id_seq')")
                    .getSingleResult()).longValue();
            entityManager.createNativeQuery("INSERT INTO referral (agency_tenant_id, partner_tenant_id, id, reference,"
                            + " client_id, client_given_name, client_family_name, client_date_of_birth, client_sex,"
                            + " programme_area, service_type, sending_officer, assigned_caseworker, status, created_at,"
                            + " sent_at, status_changed_at, changed_at, version, search_key)"
                            + " VALUES (current_setting('app.tenant_id'), ?1, ?2, ?3, ?4, 'Seat', 'Probe', DATE '1990-01-01',"
                            + " 'MALE', 'EMPLOYMENT_PROMOTION', 'PROFESSIONAL_RETRAINING', 'it.officer', 'it.registrar',"
                            + " 'ACCEPTED', now(), now(), now(), now(), 1, 'seat probe')")
                    .setParameter(1, college).setParameter(2, referral).setParameter(3, "IT-SEAT-R" + referral)
                    .setParameter(4, client).executeUpdate();
            ids.add(referral);
        }
        return ids;
    }

    /** As the college: a course with one intake of the given seats. */
    @TenantBound
    public long intakeWithSeats(int seats) {
        long course = ((Number) entityManager.createNativeQuery("SELECT nextval('course_id_seq')").getSingleResult())
                .longValue();
        entityManager.createNativeQuery("INSERT INTO course (tenant_id, id, title, service_type, active, version)"
                + " VALUES (current_setting('app.tenant_id'), ?1, 'Seat probe course', 'PROFESSIONAL_RETRAINING', true, 1)")
                .setParameter(1, course).executeUpdate();
        long intake = ((Number) entityManager.createNativeQuery("SELECT nextval('course_intake_id_seq')")
                .getSingleResult()).longValue();
        entityManager.createNativeQuery("INSERT INTO course_intake (tenant_id, id, course_id, starts_on, ends_on, seats,"
                        + " seats_taken, version) VALUES (current_setting('app.tenant_id'), ?1, ?2, current_date + 30,"
                        + " current_date + 120, ?3, 0, 1)")
                .setParameter(1, intake).setParameter(2, course).setParameter(3, seats).executeUpdate();
        return intake;
    }

    /** As the college: an offered place on the intake for each referral; returns [enrolment id, version]. */
    @TenantBound
    public List<long[]> offerPlaces(long intake, List<Long> referrals) {
        List<long[]> offers = new java.util.ArrayList<>();
        for (long referral : referrals) {
            Object[] parties = (Object[]) entityManager.createNativeQuery(
                    "SELECT agency_tenant_id, partner_tenant_id FROM referral WHERE id = ?1").setParameter(1, referral)
                    .getSingleResult();
            long enrolment = ((Number) entityManager.createNativeQuery("SELECT nextval('enrolment_id_seq')")
                    .getSingleResult()).longValue();
            entityManager.createNativeQuery("INSERT INTO enrolment (agency_tenant_id, partner_tenant_id, id, referral_id,"
                            + " intake_id, course_title, starts_on, status, changed_by, changed_at, version)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5, 'Seat probe course', current_date + 30, 'OFFERED', 'it.registrar',"
                            + " now(), 1)")
                    .setParameter(1, parties[0]).setParameter(2, parties[1]).setParameter(3, enrolment)
                    .setParameter(4, referral).setParameter(5, intake).executeUpdate();
            offers.add(new long[] {enrolment, 1});
        }
        return offers;
    }

    @TenantBound
    public long catalogueEntriesByNativeSql() {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM partner_service").getSingleResult())
                .longValue();
    }

    /** Rewrites a partner's catalogue entries unchanged; returns how many rows the database let through. */
    @TenantBound
    public int touchCatalogueOf(String partner) {
        return entityManager.createNativeQuery("UPDATE partner_service SET places = places WHERE tenant_id = ?1")
                .setParameter(1, partner).executeUpdate();
    }

    @TenantBound
    public List<Integer> seatsOfIntake(long intake) {
        Object[] row = (Object[]) entityManager.createNativeQuery("SELECT seats, seats_taken FROM course_intake WHERE id = ?1")
                .setParameter(1, intake).getSingleResult();
        return List.of(((Number) row[0]).intValue(), ((Number) row[1]).intValue());
    }

    @TenantBound
    public long enrolmentsConfirmedOn(long intake) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM enrolment WHERE intake_id = ?1"
                + " AND status = 'CONFIRMED'").setParameter(1, intake).getSingleResult()).longValue();
    }

    @TenantBound
    public long referralCountByNativeSql() {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM referral").getSingleResult()).longValue();
    }

    @TenantBound
    public long sentReferralCountByNativeSql() {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM referral WHERE sent_at IS NOT NULL")
                .getSingleResult()).longValue();
    }

    @TenantBound
    public long measureCountByNativeSql() {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM referral_measure").getSingleResult())
                .longValue();
    }

    /** Tries to change a figure with plain SQL in a transaction of its own; returns the refusal. */
    @TenantBound
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.REQUIRES_NEW)
    public String editMeasuresDirectly() {
        try {
            entityManager.createNativeQuery("UPDATE referral_measure SET cards_issued = 99").executeUpdate();
            return "changed";
        } catch (RuntimeException refused) {
            sessionContext.setRollbackOnly();
            Throwable cause = refused;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            return String.valueOf(cause.getMessage());
        }
    }

    public long clientCountByNativeSqlWithoutTenant() {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM client").getSingleResult()).longValue();
    }

    public List<Client> clientsByJpqlWithoutTenant() {
        return entityManager.createQuery("SELECT c FROM Client c", Client.class).getResultList();
    }

    /** What one transaction sees: the database setting and the tenants of the client rows it can read. */
    public record Observation(String setting, List<String> nativeTenants, List<String> jpqlPrefixes) {
    }

    /** One transaction of the leak test. */
    @TenantBound
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Observation observe(LeakStep step) {
        String setting = (String) entityManager.createNativeQuery("SELECT current_setting('app.tenant_id', true)")
                .getSingleResult();
        List<String> nativeTenants = clientTenantsSeenByNativeSql();
        List<String> prefixes = List.copyOf(clientReferencePrefixesSeenByJpql());
        switch (step) {
            case ROLL_BACK -> throw new ProbeRollback();
            case FAIL_STATEMENT -> entityManager.createNativeQuery("SELECT no_such_column FROM client").getResultList();
            case COMMIT -> {
                // nothing more
            }
        }
        return new Observation(setting, nativeTenants, prefixes);
    }

    /** How a leak-test transaction ends. */
    public enum LeakStep {
        COMMIT,
        ROLL_BACK,
        FAIL_STATEMENT
    }

    /** Thrown to roll a probe transaction back. */
    @jakarta.ejb.ApplicationException(rollback = true)
    public static class ProbeRollback extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @jakarta.annotation.Resource(lookup = "java:app/jdbc/reintegra")
    javax.sql.DataSource dataSource;

    /**
     * Leaves a session-level (not transaction-local) tenant setting on a pooled connection, as a
     * careless native call could: the pool's checkout validation must wipe it.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void poisonPooledConnection(String tenant) throws java.sql.SQLException {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement set = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, false)")) {
            set.setString(1, tenant);
            set.execute();
        }
    }

    /** The tenant setting a fresh checkout from the pool carries, before anyone sets one. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String settingOnFreshCheckout() throws java.sql.SQLException {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet row = statement.executeQuery("SELECT current_setting('app.tenant_id', true)")) {
            row.next();
            return row.getString(1) == null ? "" : row.getString(1);
        }
    }

    /**
     * A tenant's transaction, stamped for generic plans first when asked (as the intake API's is):
     * the tenant setting and the plan choice its statements run with.
     */
    @TenantBound
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<String> tenantAndPlanChoice(boolean genericPlansAllowed) {
        if (genericPlansAllowed) {
            org.reintegra.tenancy.TenantStamp.allowGenericPlans(entityManager);
        }
        return tenantAndPlanChoiceOfTheCallersTransaction();
    }

    /** The same, in the caller's transaction (stamped by the caller). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public List<String> tenantAndPlanChoiceOfTheCallersTransaction() {
        Object[] row = (Object[]) entityManager.createNativeQuery(
                "SELECT current_setting('app.tenant_id', true), current_setting('plan_cache_mode')").getSingleResult();
        return List.of(String.valueOf(row[0]), String.valueOf(row[1]));
    }

    /** A transaction with no tenant: what the connection's setting is. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String settingWithoutTenant() {
        return (String) entityManager.createNativeQuery("SELECT current_setting('app.tenant_id', true)").getSingleResult();
    }
}
