package nl.doorstroom.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.jayway.jsonpath.JsonPath;

/** The NL API Design Rules every service's API keeps, as assertions its tests share. */
public final class ApiConventions {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ApiConventions() {
    }

    /** A GET on a running service, with the given Accept, (optional) Accept-Language and (optional) bearer token. */
    public static HttpResponse<String> get(int port, String path, String accept, String language, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept);
        if (language != null) {
            request.header("Accept-Language", language);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The full version in API-Version, and the security headers that keep personal data out of caches and frames. */
    public static void assertNlApiHeaders(HttpResponse<?> response) {
        var headers = response.headers();
        assertThat(headers.firstValue("API-Version")).hasValueSatisfying(v -> assertThat(v).matches("\\d+\\.\\d+\\.\\d+"));
        assertThat(headers.firstValue("Cache-Control")).hasValue("no-store");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("Content-Security-Policy")).hasValue("frame-ancestors 'none'");
    }

    /** A page's bones for screen readers: exactly one h1, and the header, main and footer landmarks. */
    public static void assertOneHeadingAndLandmarks(String html) {
        assertThat(html.split("<h1", -1)).as("h1 headings").hasSize(2);
        assertThat(html).contains("<header", "<main", "<footer");
    }

    /** OpenAPI 3 with a semver version, a contact and the versioned base URL as server. */
    public static void assertOpenApiConventions(String openApiJson) {
        assertThat((String) JsonPath.read(openApiJson, "$.openapi")).startsWith("3.");
        assertThat((String) JsonPath.read(openApiJson, "$.info.version")).matches("\\d+\\.\\d+\\.\\d+");
        assertThat((String) JsonPath.read(openApiJson, "$.info.contact.email")).isNotBlank();
        assertThat((String) JsonPath.read(openApiJson, "$.info.contact.url")).isNotBlank();
        assertThat((String) JsonPath.read(openApiJson, "$.servers[0].url")).endsWith("/api/v1");
    }
}
