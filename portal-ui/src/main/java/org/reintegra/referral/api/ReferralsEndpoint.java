package org.reintegra.referral.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reintegra.access.InputRejected;
import org.reintegra.client.ClientService;
import org.reintegra.client.ClientSummary;
import org.reintegra.client.NewClient;
import org.reintegra.client.Sex;
import org.reintegra.intake.Idempotency;
import org.reintegra.intake.IdempotencyKeyReused;
import org.reintegra.intake.IdempotentCall;
import org.reintegra.intake.IntakeTransaction;
import org.reintegra.intake.StoredResponse;
import org.reintegra.referral.CustodyStatus;
import org.reintegra.referral.DesiredOutcome;
import org.reintegra.referral.LegalBasis;
import org.reintegra.referral.ProgrammeArea;
import org.reintegra.referral.ReferralChange;
import org.reintegra.referral.ReferralDetails;
import org.reintegra.referral.ReferralDraft;
import org.reintegra.referral.ReferralInputRejected;
import org.reintegra.referral.ReferralNotFound;
import org.reintegra.referral.ReferralService;
import org.reintegra.referral.ServiceType;
import org.reintegra.referral.WithdrawalReason;
import org.reintegra.tenancy.TenantId;

/**
 * The agency's referrals through the intake API. Reads go straight to the referral service;
 * each state-changing call runs once per Idempotency-Key (see {@link Idempotency}).
 */
@Path("/v1/referrals")
@ApplicationScoped // one instance: a request-scoped resource was built and injected (JNDI look-ups of five EJBs) on every call
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals")
public class ReferralsEndpoint {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The most referrals one batch may hold (the API's contract, in its description and its message). */
    static final int BATCH_LIMIT = 100;
    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    @EJB
    ReferralService referrals;

    @EJB
    ClientService clients;

    @EJB
    Idempotency idempotency;

    @EJB
    org.reintegra.outcome.OutcomeService outcomes;

    @EJB
    IntakeTransaction transaction;

    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create up to 100 referrals in one transaction: all of them, or none when one is refused",
            description = "Each item is a referral as in a single create (sent unless its send is false). Input errors"
                    + " name the item: referrals[3].reasonForReferral. The answer lists the created referrals in the"
                    + " request's order; a retry with the same Idempotency-Key returns it again.")
    @APIResponse(responseCode = "200", description = "Every referral created",
            content = @Content(schema = @Schema(implementation = ReferralBatchResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid input (every refused field of every item that can be"
            + " checked before writing, else the first item the service refused) or no Idempotency-Key; nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createBatch(@Parameter(in = ParameterIn.HEADER, required = true) @HeaderParam(IDEMPOTENCY_KEY) String key,
                                String body, @Context UriInfo uriInfo) {
        List<ReferralRequest> requests = parse(body, ReferralBatchRequest.class).referrals();
        if (requests == null || requests.isEmpty() || requests.size() > BATCH_LIMIT) {
            throw new ReferralInputRejected("referrals", "api.batch.size");
        }
        List<NewReferral> items = new ArrayList<>(requests.size());
        List<InputRejected> refused = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            try {
                items.add(NewReferral.of(requests.get(i)));
            } catch (InputRejected rejected) {
                refused.add(itemRejected(i, rejected));
            }
        }
        if (!refused.isEmpty()) {
            throw new BatchRejected(refused);
        }
        return idempotent(key, "create-batch", body, () -> {
            List<ReferralBatchResult.Created> created = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                ReferralDetails referral;
                try {
                    referral = create(items.get(i));
                } catch (InputRejected rejected) { // the transaction rolls back: nothing of the batch stays
                    throw itemRejected(i, rejected);
                }
                created.add(new ReferralBatchResult.Created(referral.id(), referral.reference(), referral.status().name(),
                        referral.version(), locationOf(uriInfo, referral).toString()));
                transaction.writeAndForget();
            }
            return new StoredResponse(200, JSON.toJson(new ReferralBatchResult(created)), null);
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a referral (and send it, unless send is false)")
    @APIResponse(responseCode = "201", description = "Created; Location names the referral",
            content = @Content(schema = @Schema(implementation = ReferralResource.class)))
    @APIResponse(responseCode = "400", description = "Invalid input or no Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Parameter(in = ParameterIn.HEADER, required = true) @HeaderParam(IDEMPOTENCY_KEY) String key,
                           String body, @Context UriInfo uriInfo) {
        ReferralRequest request = parse(body, ReferralRequest.class);
        return idempotent(key, "create", body, () -> {
            ReferralDetails created = create(NewReferral.of(request));
            return stored(201, created, locationOf(uriInfo, created));
        });
    }

    /** A create request, checked and converted before any work: the client, the partner and the terms. */
    private record NewReferral(NewClient client, TenantId partner, ReferralDraft draft, boolean send) {
        static NewReferral of(ReferralRequest request) {
            ReferralDraft draft = draftOf(request);
            return new NewReferral(clientOf(request.client()), partnerOf(request.partner()), draft,
                    request.send() == null || request.send());
        }
    }

    private ReferralDetails create(NewReferral referral) {
        ClientSummary client = clients.clientForCaseNumber(referral.client());
        return referral.send()
                ? referrals.draftAndSendReferral(client.id(), referral.partner(), referral.draft())
                : referrals.draftReferral(client.id(), referral.partner(), referral.draft());
    }

    private static URI locationOf(UriInfo uriInfo, ReferralDetails referral) {
        return uriInfo.getBaseUriBuilder().path(ReferralsEndpoint.class).path(Long.toString(referral.id())).build();
    }

    /** An item's refusal, its field named within the batch: referrals[3].client.caseNumber. */
    private static ReferralInputRejected itemRejected(int index, InputRejected rejected) {
        return new ReferralInputRejected("referrals[" + index + "]." + rejected.field(), rejected.messageKey());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A referral's status, terms, history, changelog and end-of-service report")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReferralResource.class)))
    @APIResponse(responseCode = "404", description = "No such referral of the caller's agency",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReferralResource read(@PathParam("id") long id) {
        ReferralDetails details = referrals.findReferral(id).orElseThrow(ReferralNotFound::new);
        return ReferralResource.of(details, outcomes.reportOf(id).orElse(null));
    }

    @GET
    @Operation(summary = "Referrals changed since a time, oldest change first (keyset pages)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ChangesPage.class)))
    public ChangesPage changed(@QueryParam("changedSince") String changedSince, @QueryParam("after") Long after,
                               @QueryParam("limit") Integer limit) {
        Instant since;
        try {
            since = changedSince == null ? Instant.EPOCH : Instant.parse(changedSince);
        } catch (DateTimeParseException e) {
            throw new ReferralInputRejected("changedSince", "api.changed-since.invalid");
        }
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > 500) {
            throw new ReferralInputRejected("limit", "api.limit.invalid");
        }
        List<ReferralChange> page = referrals.changedSince(since, after == null ? 0 : after, size);
        List<ChangesPage.Change> changes = page.stream().map(c -> new ChangesPage.Change(c.id(), c.reference(),
                c.status().name(), c.version(), c.changedAt())).toList();
        ChangesPage.Next next = page.size() < size ? null
                : new ChangesPage.Next(page.get(page.size() - 1).changedAt(), page.get(page.size() - 1).id());
        return new ChangesPage(changes, next);
    }

    @POST
    @Path("{id}/send")
    @Operation(summary = "Send a draft to the partner's inbox")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReferralResource.class)))
    public Response send(@PathParam("id") long id,
                         @Parameter(in = ParameterIn.HEADER, required = true) @HeaderParam(IDEMPOTENCY_KEY) String key) {
        return idempotent(key, "send:" + id, "", () -> {
            ReferralDetails current = referrals.findReferral(id).orElseThrow(ReferralNotFound::new);
            return stored(200, referrals.sendReferral(id, current.version()), null);
        });
    }

    @POST
    @Path("{id}/amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Amend a sent, open referral (changelog kept, partner told)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReferralResource.class)))
    @APIResponse(responseCode = "409", description = "Changed meanwhile (version) or not amendable in its state",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response amend(@PathParam("id") long id,
                          @Parameter(in = ParameterIn.HEADER, required = true) @HeaderParam(IDEMPOTENCY_KEY) String key,
                          String body) {
        AmendmentRequest request = parse(body, AmendmentRequest.class);
        return idempotent(key, "amend:" + id, body, () -> {
            ReferralDetails current = referrals.findReferral(id).orElseThrow(ReferralNotFound::new);
            ReferralDraft terms = new ReferralDraft(current.programmeArea(), current.serviceType(),
                    or(request.reasonForReferral(), current.reasonForReferral()),
                    or(request.riskSummary(), current.riskSummary()),
                    request.desiredOutcomes() == null ? current.desiredOutcomes() : outcomesOf(request.desiredOutcomes()),
                    request.custodyStatus() == null ? current.custodyStatus()
                            : parseEnum(CustodyStatus.class, request.custodyStatus(), "custodyStatus"),
                    or(request.releaseDate(), current.releaseDate()),
                    or(request.completionDeadline(), current.completionDeadline()),
                    request.legalBasis() == null ? current.legalBasis()
                            : parseEnum(LegalBasis.class, request.legalBasis(), "legalBasis"),
                    or(request.consentRecordedOn(), current.consentRecordedOn()),
                    or(request.sendingOffice(), current.sendingOffice()),
                    or(request.healthNotes(), current.healthNotes()),
                    or(request.legalCaseDetails(), current.legalCaseDetails()));
            long version = request.version() == null ? current.version() : request.version();
            return stored(200, referrals.amendReferral(id, version, terms, request.reason()), null);
        });
    }

    @POST
    @Path("{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Withdraw a referral with a coded reason")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReferralResource.class)))
    public Response withdraw(@PathParam("id") long id,
                             @Parameter(in = ParameterIn.HEADER, required = true) @HeaderParam(IDEMPOTENCY_KEY) String key,
                             String body) {
        WithdrawalRequest request = parse(body, WithdrawalRequest.class);
        return idempotent(key, "withdraw:" + id, body, () -> {
            WithdrawalReason reason = parseEnum(WithdrawalReason.class, request.reason(), "reason");
            if (reason == null) {
                throw new ReferralInputRejected("reason", "referral.withdrawal-reason.required");
            }
            ReferralDetails current = referrals.findReferral(id).orElseThrow(ReferralNotFound::new);
            long version = request.version() == null ? current.version() : request.version();
            return stored(200, referrals.withdrawReferral(id, version, reason, request.explanation()), null);
        });
    }

    // --- idempotency ---------------------------------------------------------------------------

    private Response idempotent(String key, String operation, String body, Supplier<StoredResponse> work) {
        if (key == null || key.isBlank() || key.length() > 200) {
            throw new ReferralInputRejected(IDEMPOTENCY_KEY, "api.idempotency-key.required");
        }
        String hash = sha256(operation + "\n" + body);
        try {
            IdempotentCall call = transaction.run(() -> idempotency.replayOrRun(key, operation, hash, work));
            return call.replayed() ? replay(call.response()) : fresh(call.response());
        } catch (IdempotencyKeyReused reused) {
            throw reused;
        } catch (RuntimeException failed) {
            // A concurrent call with the same key may have committed first: our work then lost a race on its key
            // (KeyTaken), on a unique row it also wrote, or on a check that now sees its rows. Answer as it did;
            // with no earlier answer, the failure is this call's own.
            Optional<StoredResponse> first = idempotency.earlier(key, operation, hash);
            if (first.isPresent()) {
                return replay(first.get());
            }
            throw failed;
        }
    }

    private static Response fresh(StoredResponse response) {
        Response.ResponseBuilder builder = Response.status(response.status()).type(MediaType.APPLICATION_JSON)
                .entity(response.body());
        if (response.location() != null) {
            builder.location(URI.create(response.location()));
        }
        return builder.build();
    }

    private Response replay(StoredResponse response) {
        return Response.fromResponse(fresh(response)).header("Idempotent-Replayed", "true").build();
    }

    private static StoredResponse stored(int status, ReferralDetails details, URI location) {
        return new StoredResponse(status, JSON.toJson(ReferralResource.of(details)),
                location == null ? null : location.toString());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    // --- input ---------------------------------------------------------------------------------

    private static <T> T parse(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new ReferralInputRejected("body", "api.body.required");
        }
        try {
            T parsed = JSON.fromJson(body, type);
            if (parsed == null) {
                throw new ReferralInputRejected("body", "api.body.invalid");
            }
            return parsed;
        } catch (JsonbException notJson) {
            throw new ReferralInputRejected("body", "api.body.invalid");
        }
    }

    private static ReferralDraft draftOf(ReferralRequest r) {
        if (r.client() == null) {
            throw new ReferralInputRejected("client", "referral.client.required");
        }
        ProgrammeArea programme = parseEnum(ProgrammeArea.class, r.programmeArea(), "programmeArea");
        ServiceType service = parseEnum(ServiceType.class, r.serviceType(), "serviceType");
        return new ReferralDraft(programme, service, r.reasonForReferral(), r.riskSummary(),
                r.desiredOutcomes() == null ? Set.of() : outcomesOf(r.desiredOutcomes()),
                parseEnum(CustodyStatus.class, r.custodyStatus(), "custodyStatus"), r.releaseDate(),
                r.completionDeadline(), parseEnum(LegalBasis.class, r.legalBasis(), "legalBasis"),
                r.consentRecordedOn(), r.sendingOffice(), r.healthNotes(), r.legalCaseDetails());
    }

    private static TenantId partnerOf(String alias) {
        try {
            return TenantId.of(alias == null ? "" : alias.strip());
        } catch (IllegalArgumentException notAnAlias) {
            throw new ReferralInputRejected("partner", "referral.partner.required");
        }
    }

    private static NewClient clientOf(ClientData c) {
        return new NewClient(c.caseNumber(), c.givenName(), c.familyName(), c.dateOfBirth(),
                parseEnum(Sex.class, c.sex(), "client.sex"), c.preferredLanguage(), c.phone(), c.email());
    }

    private static Set<DesiredOutcome> outcomesOf(List<String> codes) {
        Set<DesiredOutcome> outcomes = EnumSet.noneOf(DesiredOutcome.class);
        List<String> unknown = new ArrayList<>();
        for (String code : codes) {
            try {
                outcomes.add(DesiredOutcome.valueOf(code));
            } catch (IllegalArgumentException | NullPointerException e) {
                unknown.add(code);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ReferralInputRejected("desiredOutcomes", "api.value.unknown");
        }
        return outcomes;
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException unknown) {
            throw new ReferralInputRejected(field, "api.value.unknown");
        }
    }

    private static <T> T or(T given, T current) {
        return given == null ? current : given;
    }
}
