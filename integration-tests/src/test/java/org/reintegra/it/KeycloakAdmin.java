package org.reintegra.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few Keycloak admin REST calls the tests need (realm settings, enabling users). */
final class KeycloakAdmin {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String adminPassword;

    KeycloakAdmin(String realmUri, String adminPassword) {
        this.base = realmUri.substring(0, realmUri.indexOf("/realms/"));
        this.adminPassword = adminPassword;
    }

    private String token() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return field(response, "access_token");
    }

    void setAccessTokenLifespan(int seconds) throws IOException, InterruptedException {
        put("/admin/realms/reintegra", "{\"accessTokenLifespan\":" + seconds + "}");
    }

    void setUserEnabled(String username, boolean enabled) throws IOException, InterruptedException {
        String token = token();
        HttpResponse<String> users = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/reintegra/users?exact=true&username="
                        + URLEncoder.encode(username, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        String id = field(users, "id");
        put("/admin/realms/reintegra/users/" + id, "{\"enabled\":" + enabled + "}");
    }

    /** The id of the user with exactly this user name. */
    String userId(String username) throws IOException, InterruptedException {
        return field(get("/admin/realms/reintegra/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)), "id");
    }

    /** The user's representation as JSON (enabled, required actions, ...). */
    String user(String username) throws IOException, InterruptedException {
        return get("/admin/realms/reintegra/users/" + userId(username)).body();
    }

    /** The user's realm role mappings as JSON. */
    String realmRoles(String username) throws IOException, InterruptedException {
        return get("/admin/realms/reintegra/users/" + userId(username) + "/role-mappings/realm").body();
    }

    /** Whether a user with exactly this user name exists. */
    boolean userExists(String username) throws IOException, InterruptedException {
        return get("/admin/realms/reintegra/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8))
                .body().contains("\"id\"");
    }

    /** Whether an organisation with exactly this alias exists. */
    boolean organisationExists(String alias) throws IOException, InterruptedException {
        return get("/admin/realms/reintegra/organizations?q=" + URLEncoder.encode("alias:" + alias, StandardCharsets.UTF_8))
                .body().contains("\"alias\":\"" + alias + "\"");
    }

    /**
     * Removes what browser tests made in earlier runs (users named "it.*", organisations with an
     * alias "it-*"): the test Keycloak keeps its data between runs.
     */
    int deleteTestLeftovers() throws IOException, InterruptedException {
        int deleted = 0;
        Matcher users = Pattern.compile("\\{\"id\":\"([^\"]+)\",\"username\":\"(it\\.[^\"]+)\"")
                .matcher(get("/admin/realms/reintegra/users?briefRepresentation=true&max=1000&search=it.").body());
        while (users.find()) {
            delete("/admin/realms/reintegra/users/" + users.group(1));
            deleted++;
        }
        Matcher organisations = Pattern.compile("\\{\"id\":\"([^\"]+)\",\"name\":\"[^\"]*\",\"alias\":\"(it-[^\"]+)\"")
                .matcher(get("/admin/realms/reintegra/organizations?briefRepresentation=true&max=1000").body());
        while (organisations.find()) {
            delete("/admin/realms/reintegra/organizations/" + organisations.group(1));
            deleted++;
        }
        return deleted;
    }

    private void delete(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token()).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2 && response.statusCode() != 404) {
            throw new IOException("Keycloak admin DELETE " + path + " answered " + response.statusCode());
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token()).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("Keycloak admin " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private void put(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("Keycloak admin " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static String field(HttpResponse<String> response, String name) throws IOException {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() / 100 != 2 || !matcher.find()) {
            throw new IOException("Keycloak admin call failed (" + response.statusCode() + "): " + response.body());
        }
        return matcher.group(1);
    }
}
