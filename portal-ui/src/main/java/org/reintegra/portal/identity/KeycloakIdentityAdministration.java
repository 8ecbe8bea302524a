package org.reintegra.portal.identity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reintegra.identity.IdentityAccount;
import org.reintegra.identity.IdentityAdministration;
import org.reintegra.identity.IdentityConflict;
import org.reintegra.identity.IdentityOrganisation;
import org.reintegra.identity.IdentityUnavailable;
import org.reintegra.identity.NewIdentityAccount;
import org.reintegra.tenancy.TenantId;

/**
 * Keycloak's admin REST API through the portal's service account ({@code reintegra-admin}, client
 * credentials grant; its token is kept until shortly before it expires). Only the calls the
 * portal needs; no Keycloak library, whose HTTP stack would clash with the server's. A refused
 * connection, a time-out or a 5xx answer is {@link IdentityUnavailable}; 409 on creation is
 * {@link IdentityConflict} naming the taken field.
 */
@ApplicationScoped
public class KeycloakIdentityAdministration implements IdentityAdministration {

    /** The attribute that marks what the portal made during an onboarding or an invitation. */
    static final String MARKER_ATTRIBUTE = "reintegra-marker";

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";

    @Inject
    @ConfigProperty(name = "reintegra.oidc.provider-uri")
    String realmUri;

    @Inject
    @ConfigProperty(name = "reintegra.keycloak.admin-client-id", defaultValue = "reintegra-admin")
    String clientId;

    @Inject
    @ConfigProperty(name = "reintegra.keycloak.admin-client-secret", defaultValue = "")
    String clientSecret;

    @Inject
    @ConfigProperty(name = "reintegra.oidc.client-id", defaultValue = "reintegra-portal")
    String portalClientId;

    @Inject
    @ConfigProperty(name = "reintegra.portal.base-url", defaultValue = "http://127.0.0.1:8080/")
    String portalBaseUrl;

    private HttpClient http;
    private String adminBase;
    private String tokenUri;
    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        int realms = realmUri.indexOf("/realms/");
        String server = realmUri.substring(0, realms);
        String realm = realmUri.substring(realms + "/realms/".length()).replaceAll("/+$", "");
        adminBase = server + "/admin/realms/" + realm;
        tokenUri = realmUri.replaceAll("/+$", "") + "/protocol/openid-connect/token";
    }

    @Override
    public Optional<IdentityOrganisation> organisation(TenantId tenant) {
        // q=alias:<alias> matches the alias; the exact comparison below keeps it honest
        JsonArray found = array(send("GET", "/organizations?briefRepresentation=false&first=0&max=5&q="
                + encode("alias:" + tenant.value()), null, 200));
        for (JsonValue value : found) {
            JsonObject organisation = value.asJsonObject();
            if (tenant.value().equals(organisation.getString("alias", null))) {
                return Optional.of(new IdentityOrganisation(organisation.getString("id"), organisation.getString("alias"),
                        organisation.getString("name", ""), marker(organisation)));
            }
        }
        return Optional.empty();
    }

    @Override
    public String createOrganisation(TenantId tenant, String name, String marker) {
        JsonObject body = Json.createObjectBuilder().add("name", name).add("alias", tenant.value()).add("enabled", true)
                .add("attributes", Json.createObjectBuilder().add(MARKER_ATTRIBUTE, Json.createArrayBuilder().add(marker)))
                .build();
        HttpResponse<String> response = send("POST", "/organizations", body.toString(), 201, 409);
        if (response.statusCode() == 409) {
            throw new IdentityConflict("alias", "onboarding.error.alias-taken");
        }
        return idFromLocation(response);
    }

    @Override
    public void deleteOrganisation(String organisationId) {
        send("DELETE", "/organizations/" + path(organisationId), null, 204, 404);
    }

    @Override
    public Optional<IdentityAccount> accountByUsername(String username) {
        JsonArray found = array(send("GET", "/users?exact=true&briefRepresentation=false&username=" + encode(username), null, 200));
        for (JsonValue value : found) {
            JsonObject user = value.asJsonObject();
            if (username.equalsIgnoreCase(user.getString("username", ""))) {
                return Optional.of(account(user, roles(user.getString("id"))));
            }
        }
        return Optional.empty();
    }

    @Override
    public String createAccount(NewIdentityAccount account, String marker) {
        var attributes = Json.createObjectBuilder().add("locale", Json.createArrayBuilder().add(account.language() == null ? "en" : account.language()));
        if (marker != null) {
            attributes.add(MARKER_ATTRIBUTE, Json.createArrayBuilder().add(marker));
        }
        JsonObject body = Json.createObjectBuilder().add("username", account.username())
                .add("firstName", nullToEmpty(account.givenName())).add("lastName", nullToEmpty(account.familyName()))
                .add("email", account.email()).add("emailVerified", true).add("enabled", true)
                .add("requiredActions", Json.createArrayBuilder().add(UPDATE_PASSWORD))
                .add("attributes", attributes).build();
        HttpResponse<String> response = send("POST", "/users", body.toString(), 201, 409);
        if (response.statusCode() == 409) {
            boolean email = response.body() != null && response.body().toLowerCase().contains("email");
            throw new IdentityConflict(email ? "email" : "username", email ? "staff.error.email-taken" : "staff.error.username-taken");
        }
        return idFromLocation(response);
    }

    @Override
    public void deleteAccount(String accountId) {
        send("DELETE", "/users/" + path(accountId), null, 204, 404);
    }

    @Override
    public void addMember(String organisationId, String accountId) {
        // already a member: 409, which is fine
        send("POST", "/organizations/" + path(organisationId) + "/members", Json.createValue(accountId).toString(), 201, 409);
    }

    @Override
    public List<IdentityAccount> members(String organisationId, String search, int first, int max) {
        String query = "/organizations/" + path(organisationId) + "/members?briefRepresentation=false&first=" + first + "&max=" + max
                + (search == null ? "" : "&search=" + encode(search));
        JsonArray found = array(send("GET", query, null, 200));
        // the roles of the page's members, fetched side by side (one page, at most a hundred)
        List<CompletableFuture<IdentityAccount>> accounts = new ArrayList<>();
        for (JsonValue value : found) {
            JsonObject user = value.asJsonObject();
            accounts.add(rolesAsync(user.getString("id")).thenApply(roles -> account(user, roles)));
        }
        try {
            return accounts.stream().map(CompletableFuture::join).toList();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime : new IdentityUnavailable("Keycloak roles", failed);
        }
    }

    @Override
    public int memberCount(String organisationId, String search) {
        if (search == null) {
            return Integer.parseInt(send("GET", "/organizations/" + path(organisationId) + "/members/count", null, 200).body().strip());
        }
        // the count endpoint does not search: count the matches, a page at a time
        int count = 0;
        int page = 100;
        for (int first = 0; ; first += page) {
            int found = array(send("GET", "/organizations/" + path(organisationId) + "/members?briefRepresentation=true&first="
                    + first + "&max=" + page + "&search=" + encode(search), null, 200)).size();
            count += found;
            if (found < page) {
                return count;
            }
        }
    }

    @Override
    public Optional<IdentityAccount> member(String organisationId, String accountId) {
        HttpResponse<String> response = send("GET", "/organizations/" + path(organisationId) + "/members/" + path(accountId),
                null, 200, 404);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        // the member representation is brief: read the account itself for its required actions and attributes
        HttpResponse<String> user = send("GET", "/users/" + path(accountId), null, 200, 404);
        if (user.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(account(object(user), roles(accountId)));
    }

    @Override
    public void grantRoles(String accountId, Set<String> roles) {
        send("POST", "/users/" + path(accountId) + "/role-mappings/realm", roleRepresentations(roles), 204);
    }

    @Override
    public void revokeRoles(String accountId, Set<String> roles) {
        send("DELETE", "/users/" + path(accountId) + "/role-mappings/realm", roleRepresentations(roles), 204);
    }

    @Override
    public void setEnabled(String accountId, boolean enabled) {
        send("PUT", "/users/" + path(accountId), Json.createObjectBuilder().add("enabled", enabled).build().toString(), 204);
    }

    @Override
    public void endSessions(String accountId) {
        send("POST", "/users/" + path(accountId) + "/logout", null, 204);
    }

    @Override
    public void sendSetPasswordMail(String accountId, int validHours) {
        send("PUT", "/users/" + path(accountId) + "/execute-actions-email?lifespan=" + validHours * 3600L
                        + "&client_id=" + encode(portalClientId) + "&redirect_uri=" + encode(portalBaseUrl),
                Json.createArrayBuilder().add(UPDATE_PASSWORD).build().toString(), 204);
    }

    private String roleRepresentations(Set<String> roles) {
        JsonArrayBuilder representations = Json.createArrayBuilder();
        for (String role : roles) {
            representations.add(object(send("GET", "/roles/" + path(role), null, 200)));
        }
        return representations.build().toString();
    }

    private Set<String> roles(String accountId) {
        return roleNames(array(send("GET", "/users/" + path(accountId) + "/role-mappings/realm", null, 200)));
    }

    private CompletableFuture<Set<String>> rolesAsync(String accountId) {
        HttpRequest request = request("GET", "/users/" + path(accountId) + "/role-mappings/realm", null, accessToken());
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            if (failure != null || response.statusCode() != 200) {
                throw new IdentityUnavailable("Keycloak did not give the roles of an account");
            }
            return roleNames(Json.createReader(new StringReader(response.body())).readArray());
        });
    }

    private static Set<String> roleNames(JsonArray roles) {
        Set<String> names = new HashSet<>();
        for (JsonValue role : roles) {
            names.add(role.asJsonObject().getString("name"));
        }
        return names;
    }

    private static IdentityAccount account(JsonObject user, Set<String> roles) {
        boolean passwordPending = false;
        if (user.containsKey("requiredActions") && user.get("requiredActions").getValueType() == JsonValue.ValueType.ARRAY) {
            passwordPending = user.getJsonArray("requiredActions").stream()
                    .anyMatch(action -> action instanceof JsonString s && UPDATE_PASSWORD.equals(s.getString()));
        }
        return new IdentityAccount(user.getString("id"), user.getString("username", ""), user.getString("firstName", null),
                user.getString("lastName", null), user.getString("email", null), user.getBoolean("enabled", false),
                passwordPending, roles, marker(user));
    }

    private static String marker(JsonObject representation) {
        JsonObject attributes = representation.containsKey("attributes")
                && representation.get("attributes").getValueType() == JsonValue.ValueType.OBJECT
                ? representation.getJsonObject("attributes") : null;
        if (attributes == null || !attributes.containsKey(MARKER_ATTRIBUTE)) {
            return null;
        }
        JsonValue value = attributes.get(MARKER_ATTRIBUTE);
        if (value instanceof JsonArray values && !values.isEmpty() && values.get(0) instanceof JsonString s) {
            return s.getString();
        }
        return value instanceof JsonString s ? s.getString() : null;
    }

    private HttpResponse<String> send(String method, String path, String body, int... expected) {
        HttpResponse<String> response;
        try {
            response = http.send(request(method, path, body, accessToken()), HttpResponse.BodyHandlers.ofString());
        } catch (IOException unreachable) {
            throw new IdentityUnavailable("Keycloak did not answer " + method + " " + pathOnly(path), unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IdentityUnavailable("Interrupted while calling Keycloak", interrupted);
        }
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response;
            }
        }
        if (response.statusCode() == 401) {
            token = null; // expired early or revoked: the next call takes a new one
        }
        throw new IdentityUnavailable("Keycloak answered " + response.statusCode() + " to " + method + " " + pathOnly(path));
    }

    private HttpRequest request(String method, String path, String body, String accessToken) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(adminBase + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json");
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private synchronized String accessToken() {
        if (token != null && Instant.now().isBefore(tokenExpires)) {
            return token;
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IdentityUnavailable("reintegra.keycloak.admin-client-secret is not configured");
        }
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(clientSecret);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokenUri)).timeout(TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IdentityUnavailable("Keycloak refused the administration client (" + response.statusCode() + ")");
            }
            JsonObject answer = object(response);
            token = answer.getString("access_token");
            // renew 30 s before it expires
            tokenExpires = Instant.now().plusSeconds(Math.max(5, answer.getJsonNumber("expires_in").longValue() - 30));
            return token;
        } catch (IOException unreachable) {
            throw new IdentityUnavailable("Keycloak did not answer the token request", unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IdentityUnavailable("Interrupted while calling Keycloak", interrupted);
        }
    }

    private static String idFromLocation(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IdentityUnavailable("Keycloak created without a Location"));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static JsonArray array(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    private static JsonObject object(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An id or role name as one path segment. */
    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String pathOnly(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query); // no search terms (names) in messages
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
