package org.reintegra.referral.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem details body; {@code errors} names each refused field with a readable message.
 */
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One refused field. */
    public record FieldError(String field, String message) {
    }

    static Response response(int status, String title, String detail, String instance, List<FieldError> errors) {
        return Response.status(status)
                .type(MediaType.valueOf(MEDIA_TYPE))
                .entity(new Problem("about:blank", title, status, detail, instance, errors == null ? List.of() : errors))
                .build();
    }
}
