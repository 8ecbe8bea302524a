package org.reintegra.client;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.reintegra.access.Actor;
import org.reintegra.access.Roles;
import org.reintegra.access.SignedInActor;
import org.reintegra.audit.AuditAction;
import org.reintegra.audit.AuditTrail;
import org.reintegra.persistence.LikePattern;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantBound;

/** The agency's clients: register and find them. Only agency officers; every access audited. */
@Stateless
@TenantBound
@RolesAllowed(Roles.AGENCY_OFFICER)
public class ClientService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    private EntityManager entityManager;

    @EJB
    private SignedInActor signedInActor;

    @EJB
    private AuditTrail auditTrail;

    private final Clock clock = Clock.systemUTC();

    /** Registers a client of the caller's agency; the agency's case number must be new. */
    public ClientSummary registerClient(NewClient input) {
        validate(input);
        Actor actor = signedInActor.actor();
        String reference = input.reference().strip();
        long taken = entityManager.createQuery("SELECT COUNT(c) FROM Client c WHERE c.reference = :reference", Long.class)
                .setParameter("reference", reference).getSingleResult();
        if (taken > 0) {
            throw new ClientInputRejected("reference", "client.reference.taken");
        }
        return register(actor, reference, input);
    }

    /**
     * Writes a client whose case number was just looked up and not found. A concurrent
     * registration of the same number fails on the unique key when this one is flushed.
     */
    private ClientSummary register(Actor actor, String reference, NewClient input) {
        Client client = new Client(reference, input.givenName(), input.familyName(), input.dateOfBirth(), input.sex(),
                blankToNull(input.preferredLanguage()), blankToNull(input.phone()), blankToNull(input.email()),
                clock.instant());
        entityManager.persist(client);
        entityManager.flush();
        auditTrail.record(actor, AuditAction.CREATE, null, client.id(), "identity,contact", "client registration");
        return summary(client);
    }

    /**
     * The agency's client with this case number, registered from the input when the agency does
     * not have it yet (the intake API sends the client with each referral). An existing client is
     * kept as it is; the read is audited.
     */
    public ClientSummary clientForCaseNumber(NewClient input) {
        if (input.reference() == null || input.reference().isBlank()) {
            throw new ClientInputRejected("reference", "client.reference.required");
        }
        String reference = input.reference().strip();
        List<Client> existing = entityManager.createQuery("SELECT c FROM Client c WHERE c.reference = :reference",
                        Client.class)
                .setParameter("reference", reference).getResultList();
        if (existing.isEmpty()) {
            validate(input);
            return register(signedInActor.actor(), reference, input); // the look-up was the uniqueness check
        }
        Client client = existing.get(0);
        auditTrail.record(signedInActor.actor(), AuditAction.READ, null, client.id(), "name,reference,dateOfBirth",
                "client lookup by case number");
        return summary(client);
    }

    /** A page of the agency's clients whose name or case number contains the text; each shown is audited. */
    public List<ClientSummary> findClients(String text, int offset, int limit) {
        return findClients(text, offset, limit, null);
    }

    /** The same, names sorted as the reader's language sorts them (PostgreSQL ICU collations). */
    public List<ClientSummary> findClients(String text, int offset, int limit, java.util.Locale reader) {
        if (offset < 0 || limit < 1 || limit > 200) {
            throw new IllegalArgumentException("page out of range");
        }
        Actor actor = signedInActor.actor();
        String pattern = LikePattern.containing(text);
        List<Client> clients = entityManager.createQuery("SELECT c FROM Client c WHERE c.searchKey LIKE :p ESCAPE '\\'"
                        + " ORDER BY " + org.reintegra.persistence.NameCollation.orderBy("c.familyName", reader) + ", "
                        + org.reintegra.persistence.NameCollation.orderBy("c.givenName", reader) + ", c.id", Client.class)
                .setParameter("p", pattern).setFirstResult(offset).setMaxResults(limit).getResultList();
        clients.forEach(c -> auditTrail.record(actor, AuditAction.LIST, null, c.id(), "name,reference,dateOfBirth",
                "client search"));
        return clients.stream().map(ClientService::summary).toList();
    }

    private static ClientSummary summary(Client client) {
        return new ClientSummary(client.id(), client.reference(), client.givenName(), client.familyName(),
                client.dateOfBirth(), client.sex());
    }

    private void validate(NewClient input) {
        if (input.reference() == null || input.reference().isBlank() || input.reference().strip().length() > 40) {
            throw new ClientInputRejected("reference", "client.reference.required");
        }
        if (input.givenName() == null || input.givenName().isBlank() || input.givenName().length() > 100) {
            throw new ClientInputRejected("givenName", "client.given-name.required");
        }
        if (input.familyName() == null || input.familyName().isBlank() || input.familyName().length() > 100) {
            throw new ClientInputRejected("familyName", "client.family-name.required");
        }
        LocalDate today = LocalDate.now(clock);
        if (input.dateOfBirth() == null || !input.dateOfBirth().isBefore(today.minusYears(10))
                || input.dateOfBirth().isBefore(today.minusYears(110))) {
            throw new ClientInputRejected("dateOfBirth", "client.date-of-birth.invalid");
        }
        if (input.sex() == null) {
            throw new ClientInputRejected("sex", "client.sex.required");
        }
        if (input.email() != null && !input.email().isBlank() && !EMAIL.matcher(input.email().strip()).matches()) {
            throw new ClientInputRejected("email", "client.email.invalid");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
