package dev.strata.catalog.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.strata.catalog.CatalogServiceException;
import dev.strata.catalog.CatalogServiceException.Category;
import dev.strata.catalog.TableName;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.glue.GlueClient;

/** Retries and error translation against a local HTTP server that answers what each test scripts. */
class GlueClientsTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final TableName NAME = TableName.parse("clean.service_requests");

    private HttpServer server;
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Answer always;

    private record Answer(int status, String errorType, String body) {
        static Answer error(int status, String type) {
            return new Answer(status, type, "{\"__type\":\"" + type + "\",\"message\":\"scripted " + type + "\"}");
        }
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            requests.incrementAndGet();
            Answer answer = script.poll();
            if (answer == null) {
                answer = always;
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            if (answer.errorType() != null) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", answer.errorType());
            }
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        always = new Answer(200, null, "{\"Table\":{\"Name\":\"service_requests\",\"DatabaseName\":\"strata_clean\"}}");
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private GlueTableCatalog catalog(int attempts) {
        GlueClient glue = GlueClients.create(
                Optional.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort())), Optional.of("us-east-1"),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", SECRET)), attempts,
                List.of());
        return new GlueTableCatalog(glue, GlueDatabases.withPrefix("strata_"));
    }

    private static CatalogServiceException failure(Runnable call) {
        try {
            call.run();
        } catch (CatalogServiceException e) {
            return e;
        }
        throw new AssertionError("expected a CatalogServiceException");
    }

    @Test
    void retriesThrottledCallsUntilTheyPass() {
        script.add(Answer.error(400, "ThrottlingException"));
        script.add(Answer.error(400, "ThrottlingException"));

        assertThat(catalog(3).lookup(NAME)).isEmpty();
        assertThat(requests).hasValue(3);
    }

    @Test
    void stopsRetryingThrottledCallsAfterTheBoundedAttempts() {
        always = Answer.error(400, "ThrottlingException");

        CatalogServiceException e = failure(() -> catalog(3).lookup(NAME));

        assertThat(requests).hasValue(3);
        assertThat(e.category()).isEqualTo(Category.THROTTLED);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).isEqualTo("Glue throttled GetTable on table strata_clean.service_requests after "
                + "retries: run later, lower the call rate or raise the Glue quota (ThrottlingException)");
    }

    @Test
    void retriesServerErrorsAFewTimes() {
        always = Answer.error(500, "InternalServiceException");

        CatalogServiceException e = failure(() -> catalog(2).lookup(NAME));

        assertThat(requests).hasValue(2);
        assertThat(e.category()).isEqualTo(Category.SERVICE);
        assertThat(e.getMessage()).isEqualTo("Glue failed GetTable on table strata_clean.service_requests: "
                + "scripted InternalServiceException; run again later (InternalServiceException)");
    }

    @Test
    void doesNotRetryAccessDenied() {
        always = Answer.error(400, "AccessDeniedException");

        CatalogServiceException e = failure(() -> catalog(5).list("clean"));

        assertThat(requests).hasValue(1);
        assertThat(e.category()).isEqualTo(Category.ACCESS_DENIED);
        assertThat(e.getMessage()).isEqualTo("Glue denied GetTables on database strata_clean: the role needs "
                + "glue:GetTables (and Lake Formation grants where they apply) (AccessDeniedException)")
                .doesNotContain(SECRET).doesNotContain("AKIA");
    }

    @Test
    void doesNotRetryInvalidInputOrMissingEntities() {
        script.add(Answer.error(400, "InvalidInputException"));
        CatalogServiceException e = failure(() -> catalog(5).lookup(NAME));
        assertThat(requests).hasValue(1);
        assertThat(e.category()).isEqualTo(Category.INVALID);
        assertThat(e.getMessage()).isEqualTo("Glue rejected GetTable on table strata_clean.service_requests: "
                + "scripted InvalidInputException; fix the name, type or value it names (InvalidInputException)");

        script.add(Answer.error(400, "EntityNotFoundException"));
        assertThat(catalog(5).lookup(NAME)).isEmpty();
        assertThat(requests).hasValue(2);
    }

    @Test
    void namesCredentialsGlueRefusedWithoutShowingThem() {
        always = Answer.error(400, "UnrecognizedClientException");

        CatalogServiceException e = failure(() -> catalog(5).lookup(NAME));

        assertThat(e.category()).isEqualTo(Category.ACCESS_DENIED);
        assertThat(e.getMessage()).isEqualTo("Glue refused the credentials for GetTable on table "
                + "strata_clean.service_requests: check the job's AWS credentials and clock (UnrecognizedClientException)");
    }

    @Test
    void anUnreachableEndpointIsAServiceFailure() {
        int port = server.getAddress().getPort();
        server.stop(0);
        GlueClient glue = GlueClients.create(Optional.of(URI.create("http://127.0.0.1:" + port)),
                Optional.of("us-east-1"), StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")), 1,
                List.of());

        CatalogServiceException e = failure(() -> new GlueTableCatalog(glue, GlueDatabases.withPrefix(""))
                .lookup(NAME));

        assertThat(e.category()).isEqualTo(Category.SERVICE);
        assertThat(e.getMessage()).startsWith("cannot reach Glue for GetTable on table clean.service_requests: "
                + "check the endpoint, region, credentials and network (").doesNotContain("\n");
    }

    @Test
    void buildsClientsWithTheDefaultCredentialsChainAndChecksAttempts() {
        try (GlueClient glue = GlueClients.create(Optional.empty(), Optional.of("eu-west-1"))) {
            assertThat(glue.serviceClientConfiguration().region().id()).isEqualTo("eu-west-1");
        }
        assertThatThrownBy(() -> GlueClients.create(Optional.empty(), Optional.of("us-east-1"),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")), 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxAttempts must be between 1 and 20, cannot be: 0");
    }
}
