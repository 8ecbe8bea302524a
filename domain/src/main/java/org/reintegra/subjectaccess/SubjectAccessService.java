package org.reintegra.subjectaccess;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.reintegra.access.Actor;
import org.reintegra.access.Roles;
import org.reintegra.access.SignedInActor;
import org.reintegra.audit.AuditAction;
import org.reintegra.audit.AuditTrail;
import org.reintegra.client.ClientSummary;
import org.reintegra.organisation.Organisation;
import org.reintegra.organisation.OrganisationKind;
import org.reintegra.persistence.LikePattern;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantBound;

/**
 * Subject access exports for an agency's liaison officer. PostgreSQL writes every row about the
 * client as JSON ({@code row_to_json}), table by table, so nothing held is left out by a field
 * list that forgot a column; documents go into the ZIP as files. Row-level security decides what
 * the agency reads: its own rows, the rows it shares with partners, and partners' audit rows about
 * its referrals. ID and transport card numbers stay masked, as everywhere else. The export is
 * audited per referral and for the client, in the same transaction.
 */
@Stateless
@TenantBound
@RolesAllowed(Roles.AGENCY_LIAISON)
public class SubjectAccessService {

    static final String PURPOSE = "subject access export";

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    private EntityManager entityManager;

    @EJB
    private SignedInActor signedInActor;

    @EJB
    private AuditTrail auditTrail;

    @Resource
    private SessionContext sessionContext;

    private final Clock clock = Clock.systemUTC();

    /** The agency's clients whose name or reference contains the text (at most 20), each audited. */
    @SuppressWarnings("unchecked")
    public List<ClientSummary> findClients(String text, java.util.Locale reader) {
        Actor actor = requireAgency();
        if (text == null || text.strip().length() < 2) {
            return List.of();
        }
        List<Object[]> rows = entityManager.createNativeQuery("SELECT id, reference, given_name, family_name, date_of_birth, sex"
                        + " FROM client WHERE tenant_id = ?1 AND search_key LIKE ?2 ORDER BY family_name COLLATE \"" + org.reintegra.persistence.NameCollation.of(reader) + "\", given_name COLLATE \""
                        + org.reintegra.persistence.NameCollation.of(reader) + "\", id LIMIT 20")
                .setParameter(1, actor.tenant().value()).setParameter(2, LikePattern.containing(text)).getResultList();
        List<ClientSummary> found = new ArrayList<>();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            found.add(new ClientSummary(id, (String) row[1], (String) row[2], (String) row[3],
                    ((java.sql.Date) row[4]).toLocalDate(), org.reintegra.client.Sex.valueOf((String) row[5])));
            auditTrail.record(actor, AuditAction.LIST, null, id, "reference,name,date of birth", PURPOSE);
        }
        return found;
    }

    /** Everything held about one of the agency's clients; empty when it is not the agency's client. */
    public Optional<SubjectAccessPackage> export(long clientId) {
        Actor actor = requireAgency();
        String agency = actor.tenant().value();
        String client = json("SELECT row_to_json(c)::text FROM client c WHERE c.tenant_id = ?1 AND c.id = ?2",
                agency, clientId);
        if (client == null) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Number> referralIds = entityManager.createNativeQuery("SELECT id FROM referral WHERE agency_tenant_id = ?1"
                + " AND client_id = ?2 ORDER BY id").setParameter(1, agency).setParameter(2, clientId).getResultList();
        String ids = referralIds.isEmpty() ? "NULL"
                : String.join(",", referralIds.stream().map(n -> Long.toString(n.longValue())).toList());
        String ofReferrals = "agency_tenant_id = ?1 AND referral_id IN (" + ids + ")";
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("client", client);
        sections.put("referrals", array("referral t WHERE t.agency_tenant_id = ?1 AND t.id IN (" + ids + ")", agency));
        sections.put("statusHistory", array("referral_status_change t WHERE t." + ofReferrals, agency));
        sections.put("amendments", array("referral_amendment t WHERE t." + ofReferrals, agency));
        sections.put("notesAndQuestions", array("referral_note t WHERE t." + ofReferrals, agency));
        sections.put("healthAndLegalDetails", array("referral_detail t WHERE t." + ofReferrals, agency));
        sections.put("documents", jsonArray("SELECT to_jsonb(t) - 'content' FROM referral_attachment t WHERE t."
                + ofReferrals, agency));
        sections.put("actionPlans", array("action_plan t WHERE t." + ofReferrals, agency));
        sections.put("sessions", array("delivered_session t WHERE t." + ofReferrals, agency));
        sections.put("enrolments", array("enrolment t WHERE t." + ofReferrals, agency));
        sections.put("cards", jsonArray("SELECT (to_jsonb(t) - 'document_number') || jsonb_build_object("
                + "'document_number', CASE WHEN t.document_number IS NULL THEN NULL"
                + " ELSE '•••• ' || right(t.document_number, 4) END) FROM card_milestone t WHERE t." + ofReferrals, agency));
        sections.put("endOfServiceReports", array("end_of_service_report t WHERE t." + ofReferrals, agency));
        sections.put("outcomeRatings", jsonArray("SELECT to_jsonb(o) FROM outcome_rating o JOIN end_of_service_report t"
                + " ON t.agency_tenant_id = o.agency_tenant_id AND t.id = o.report_id WHERE t." + ofReferrals, agency));
        sections.put("notifications", array("notification t WHERE t." + ofReferrals, agency));
        sections.put("measures", array("referral_measure t WHERE t." + ofReferrals, agency));
        sections.put("qualityReviewChecks", array("quality_review_item t WHERE t." + ofReferrals, agency));
        sections.put("qualityFindings", array("quality_finding t WHERE t." + ofReferrals, agency));
        sections.put("intakeApiResponses", array("api_idempotency t WHERE t.tenant_id = ?1 AND substring(t.location from"
                + " '/referrals/([0-9]+)$')::bigint IN (" + ids + ")", agency));
        sections.put("accessLog", jsonArray("SELECT to_jsonb(t) FROM audit_event t WHERE (t.tenant_id = ?1 AND t.client_id = "
                + clientId + ") OR t.referral_id IN (" + ids + ") ORDER BY t.occurred_at, t.id", agency));

        Instant now = clock.instant();
        for (Number referral : referralIds) {
            auditTrail.record(actor, AuditAction.EXPORT, referral.longValue(), clientId, "everything held", PURPOSE);
        }
        auditTrail.record(actor, AuditAction.EXPORT, null, clientId, "everything held", PURPOSE);

        StringBuilder document = new StringBuilder("{\"generatedAt\":\"").append(now).append("\",\"generatedBy\":\"")
                .append(actor.username().replace("\"", "")).append("\",\"organisation\":\"").append(agency).append('"');
        sections.forEach((name, value) -> document.append(",\"").append(name).append("\":").append(value));
        document.append('}');
        return Optional.of(new SubjectAccessPackage("subject-access-" + clientId + "-" + now.toString().substring(0, 10)
                + ".zip", zip(document.toString(), agency, ids)));
    }

    private byte[] zip(String document, String agency, String ids) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("subject-access.json"));
            zip.write(document.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            @SuppressWarnings("unchecked")
            List<Object[]> documents = entityManager.createNativeQuery("SELECT id, file_name, content FROM referral_attachment"
                    + " WHERE agency_tenant_id = ?1 AND referral_id IN (" + ids + ") ORDER BY id")
                    .setParameter(1, agency).getResultList();
            for (Object[] attachment : documents) {
                String name = ((String) attachment[1]).replaceAll("[\\\\/:*?\"<>|]", "_");
                zip.putNextEntry(new ZipEntry("documents/" + attachment[0] + "-" + name));
                zip.write((byte[]) attachment[2]);
                zip.closeEntry();
            }
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
        return bytes.toByteArray();
    }

    /** The rows of "table t WHERE ..." as a JSON array (all columns). */
    private String array(String fromWhere, String agency) {
        return jsonArray("SELECT to_jsonb(t) FROM " + fromWhere, agency);
    }

    private String jsonArray(String selectJson, String agency) {
        String result = json("SELECT coalesce(jsonb_agg(x.j), '[]'::jsonb)::text FROM (" + selectJson + ") AS x(j)", agency);
        return result == null ? "[]" : result;
    }

    private String json(String sql, Object... params) {
        Query query = entityManager.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        List<?> rows = query.getResultList();
        return rows.isEmpty() || rows.get(0) == null ? null : rows.get(0).toString();
    }

    private Actor requireAgency() {
        Actor actor = signedInActor.actor();
        Organisation own = entityManager.find(Organisation.class, actor.tenant().value());
        if (own == null || own.kind() != OrganisationKind.AGENCY || !sessionContext.isCallerInRole(Roles.AGENCY_LIAISON)) {
            throw new jakarta.ejb.EJBAccessException("subject access is for an agency's liaison officers");
        }
        return actor;
    }
}
