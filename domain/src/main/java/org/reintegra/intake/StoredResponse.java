package org.reintegra.intake;

/** An API response as kept for retries: status, JSON body, Location (or null). */
public record StoredResponse(int status, String body, String location) {
}
