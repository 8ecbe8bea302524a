package org.reintegra.referral.api;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.reintegra.access.InputRejected;
import org.reintegra.intake.IdempotencyKeyReused;
import org.reintegra.portal.i18n.PortalTranslations;
import org.reintegra.referral.ReferralChangedMeanwhile;
import org.reintegra.referral.ReferralNotFound;
import org.reintegra.referral.ReferralTransitionRefused;

/**
 * Every error of the intake API as RFC 9457 problem details: refused input names its fields, a
 * foreign referral is as missing as a missing one, and nothing internal (no stack trace, no SQL)
 * reaches the caller.
 */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());
    private static final PortalTranslations TEXTS = new PortalTranslations();

    private ProblemMappers() {
    }

    static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getPath();
    }

    static Locale localeOf(HttpHeaders headers) {
        if (headers != null) {
            for (Locale wanted : headers.getAcceptableLanguages()) {
                for (Locale provided : PortalTranslations.LOCALES) {
                    if (provided.getLanguage().equals(wanted.getLanguage())) {
                        return provided;
                    }
                }
            }
        }
        return Locale.ENGLISH;
    }

    /** A refused field with its message in the caller's language. */
    static Problem.FieldError fieldError(InputRejected rejected, Locale locale) {
        return new Problem.FieldError(rejected.field(), TEXTS.getTranslation(rejected.messageKey(), locale));
    }

    /** Refused input: 400 with the field and a readable message in the caller's language. */
    @Provider
    public static class InputRejectedMapper implements ExceptionMapper<InputRejected> {
        @Context
        UriInfo uri;
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(InputRejected rejected) {
            Problem.FieldError error = fieldError(rejected, localeOf(headers));
            return Problem.response(400, "Invalid input", error.message(), path(uri), List.of(error));
        }
    }

    /** A refused batch: 400 listing every refused field of every item. */
    @Provider
    public static class BatchRejectedMapper implements ExceptionMapper<BatchRejected> {
        @Context
        UriInfo uri;
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(BatchRejected batch) {
            Locale locale = localeOf(headers);
            List<Problem.FieldError> errors = batch.refused().stream().map(rejected -> fieldError(rejected, locale)).toList();
            return Problem.response(400, "Invalid input",
                    "The batch was refused and nothing was stored: each refused field is listed.", path(uri), errors);
        }
    }

    @Provider
    public static class NotFoundMapper implements ExceptionMapper<ReferralNotFound> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ReferralNotFound missing) {
            return Problem.response(404, "Not found", "No such referral.", path(uri), null);
        }
    }

    @Provider
    public static class ChangedMeanwhileMapper implements ExceptionMapper<ReferralChangedMeanwhile> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ReferralChangedMeanwhile conflict) {
            return Problem.response(409, "Changed meanwhile",
                    "The referral was changed by someone else since the version you sent. Read it again and retry.",
                    path(uri), null);
        }
    }

    @Provider
    public static class TransitionRefusedMapper implements ExceptionMapper<ReferralTransitionRefused> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ReferralTransitionRefused refused) {
            return Problem.response(409, "Not allowed in the referral's state", refused.getMessage(), path(uri), null);
        }
    }

    @Provider
    public static class KeyReusedMapper implements ExceptionMapper<IdempotencyKeyReused> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(IdempotencyKeyReused reused) {
            return Problem.response(422, "Idempotency-Key reused", reused.getMessage(), path(uri), null);
        }
    }

    /** A role that may not do this (a token of another kind of client). */
    @Provider
    public static class AccessMapper implements ExceptionMapper<EJBAccessException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(EJBAccessException denied) {
            return Problem.response(403, "Forbidden", "Your client may not do this.", path(uri), null);
        }
    }

    /** Unknown paths and methods, and anything JAX-RS itself refuses, keep their status. */
    @Provider
    public static class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            String title = e instanceof NotFoundException ? "Not found"
                    : e instanceof NotAllowedException ? "Method not allowed"
                    : Response.Status.fromStatusCode(status) == null ? "Error"
                    : Response.Status.fromStatusCode(status).getReasonPhrase();
            return Problem.response(status, title, title + ".", path(uri), null);
        }
    }

    /** Anything else: 500 without internals; the log has the cause. EJB wrappers are unwrapped first. */
    @Provider
    public static class UnexpectedMapper implements ExceptionMapper<Throwable> {
        @Context
        UriInfo uri;
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(Throwable e) {
            Throwable cause = e;
            while (cause instanceof EJBException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof InputRejected rejected) {
                InputRejectedMapper mapper = new InputRejectedMapper();
                mapper.uri = uri;
                mapper.headers = headers;
                return mapper.toResponse(rejected);
            }
            if (cause instanceof IllegalArgumentException invalid) {
                return Problem.response(400, "Invalid input", invalid.getMessage(), path(uri), null);
            }
            LOG.log(Level.SEVERE, "Intake API request failed: " + path(uri), e);
            return Problem.response(500, "Internal error", "The request could not be completed. Nothing was changed.",
                    path(uri), null);
        }
    }
}
