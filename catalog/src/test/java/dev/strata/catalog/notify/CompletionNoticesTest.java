package dev.strata.catalog.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.catalog.CatalogServiceException;
import dev.strata.catalog.testing.MotoServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class CompletionNoticesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static MotoServer moto;
    private static SnsClient sns;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        moto = MotoServer.shared();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY));
        sns = SnsClient.builder().endpointOverride(moto.endpoint()).region(Region.of(MotoServer.REGION))
                .credentialsProvider(credentials).build();
        sqs = SqsClient.builder().endpointOverride(moto.endpoint()).region(Region.of(MotoServer.REGION))
                .credentialsProvider(credentials).build();
    }

    @AfterAll
    static void close() {
        sns.close();
        sqs.close();
    }

    @Test
    void aSubscribedQueueReceivesOneNoticePerStagedTable() throws Exception {
        String topic = sns.createTopic(b -> b.name("strata-staged")).topicArn();
        String queueUrl = sqs.createQueue(b -> b.queueName("loader")).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn)
                .attributes(Map.of("RawMessageDelivery", "true")));
        CompletionNotices notices = new CompletionNotices(sns, CompletionNotices.topicOf("sns:" + topic));

        Instant at = Instant.parse("2026-12-03T10:15:30Z");
        notices.publish(new TableReady("mimic_omop", "run-1", "curated.person", "s3://lake/staging/omop/person.manifest",
                "s3://lake/staging/omop/person", 100, 2, 4096, at));
        notices.publish(new TableReady("mimic_omop", "run-1", "curated.death", "s3://lake/staging/omop/death.manifest",
                "s3://lake/staging/omop/death", 7, 1, 900, at));

        List<Message> received = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                .waitTimeSeconds(5)).messages();
        assertThat(received).hasSize(2);
        JsonNode person = received.stream().map(m -> read(m.body()))
                .filter(n -> n.get("table").asText().equals("curated.person")).findFirst().orElseThrow();
        assertThat(person.get("manifest").asText()).isEqualTo("s3://lake/staging/omop/person.manifest");
        assertThat(person.get("rows").asLong()).isEqualTo(100);
        assertThat(person.get("files").asInt()).isEqualTo(2);
        assertThat(person.get("bytes").asLong()).isEqualTo(4096);
        assertThat(person.get("pipeline").asText()).isEqualTo("mimic_omop");
        assertThat(person.get("at").asText()).isEqualTo("2026-12-03T10:15:30Z");
    }

    @Test
    void aMissingTopicIsOneClearLine() {
        CompletionNotices notices = new CompletionNotices(sns, "arn:aws:sns:us-east-1:123456789012:no-such-topic");
        assertThatThrownBy(() -> notices.publish(new TableReady("p", "r", "curated.t", "s3://b/t.manifest", "s3://b/t",
                1, 1, 1, Instant.EPOCH)))
                .isInstanceOf(CatalogServiceException.class)
                .hasMessageContaining("no-such-topic")
                .satisfies(e -> assertThat(((CatalogServiceException) e).category())
                        .isEqualTo(CatalogServiceException.Category.NOT_FOUND));
    }

    @Test
    void aTargetThatIsNotAnSnsTopicIsRefused() {
        assertThatThrownBy(() -> CompletionNotices.topicOf("sqs:arn:aws:sqs:us-east-1:123456789012:q"))
                .hasMessageContaining("--notify takes sns:TOPIC_ARN");
        assertThatThrownBy(() -> CompletionNotices.topicOf("sns:not-an-arn"))
                .hasMessageContaining("is not an SNS topic ARN");
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
