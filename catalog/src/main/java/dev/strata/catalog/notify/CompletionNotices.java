package dev.strata.catalog.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.catalog.CatalogServiceException;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.AuthorizationErrorException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * Publishes one SNS message per table whose staging is complete ({@code --notify sns:ARN}). The body is
 * JSON (pipeline, run, table, manifest, location, rows, files, bytes, at); {@code table} and
 * {@code pipeline} are also message attributes, so a subscription can filter on them.
 */
public final class CompletionNotices {

    private static final Pattern TOPIC = Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SnsClient sns;
    private final String topicArn;

    public CompletionNotices(SnsClient sns, String topicArn) {
        this.sns = Objects.requireNonNull(sns, "sns is null");
        this.topicArn = requireTopic(topicArn);
    }

    /** The topic of a {@code sns:ARN} target. */
    public static String topicOf(String target) {
        Objects.requireNonNull(target, "target is null");
        if (!target.startsWith("sns:")) {
            throw new IllegalArgumentException("--notify takes sns:TOPIC_ARN, not '" + target + "'");
        }
        return requireTopic(target.substring("sns:".length()));
    }

    private static String requireTopic(String arn) {
        Objects.requireNonNull(arn, "topicArn is null");
        if (!TOPIC.matcher(arn).matches()) {
            throw new IllegalArgumentException("'" + arn + "' is not an SNS topic ARN"
                    + " (arn:aws:sns:REGION:ACCOUNT:TOPIC)");
        }
        return arn;
    }

    /** The message body of a notice. */
    public static String body(TableReady ready) {
        ObjectNode node = JSON.createObjectNode();
        node.put("pipeline", ready.pipeline());
        node.put("run_id", ready.runId());
        node.put("table", ready.table());
        node.put("manifest", ready.manifest());
        node.put("location", ready.location());
        node.put("rows", ready.rows());
        node.put("files", ready.files());
        node.put("bytes", ready.bytes());
        node.put("at", ready.at().toString());
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the notice of " + ready.table(), e);
        }
    }

    /** Sends the notice; returns SNS's message id. */
    public String publish(TableReady ready) {
        Objects.requireNonNull(ready, "ready is null");
        PublishRequest request = PublishRequest.builder().topicArn(topicArn)
                .subject("strata: " + ready.table() + " is staged")
                .message(body(ready))
                .messageAttributes(Map.of(
                        "table", MessageAttributeValue.builder().dataType("String").stringValue(ready.table()).build(),
                        "pipeline", MessageAttributeValue.builder().dataType("String").stringValue(ready.pipeline())
                                .build()))
                .build();
        try {
            return sns.publish(request).messageId();
        } catch (NotFoundException e) {
            throw new CatalogServiceException(CatalogServiceException.Category.NOT_FOUND, "SNS has no topic "
                    + topicArn + ": create it or fix --notify (" + e.awsErrorDetails().errorCode() + ")", e);
        } catch (AuthorizationErrorException e) {
            throw new CatalogServiceException(CatalogServiceException.Category.ACCESS_DENIED, "SNS denied Publish to "
                    + topicArn + ": the role needs sns:Publish on it", e);
        } catch (SdkException e) {
            throw new CatalogServiceException(CatalogServiceException.Category.SERVICE, "SNS Publish to " + topicArn
                    + " failed: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.split("\n")[0];
    }
}
