package dev.strata.catalog.glue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.catalog.CatalogServiceException;
import dev.strata.catalog.CatalogServiceException.Category;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.glue.model.GlueException;

class GlueFailuresTest {

    private static GlueException glue(int status, String code, String message) {
        return (GlueException) GlueException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    private static CatalogServiceException translate(GlueException e) {
        return GlueFailures.translate("CreateTable", "database strata_curated", e);
    }

    @Test
    void namesThePermissionARoleLacks() {
        CatalogServiceException e = translate(glue(400, "AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/etl is not authorized to perform: glue:CreateTable"));

        assertThat(e.category()).isEqualTo(Category.ACCESS_DENIED);
        assertThat(e.getMessage()).isEqualTo("Glue denied CreateTable on database strata_curated: the role needs "
                + "glue:CreateTable (and Lake Formation grants where they apply) (AccessDeniedException)");
        assertThat(translate(glue(403, "SomethingNew", "no")).category()).isEqualTo(Category.ACCESS_DENIED);
    }

    @Test
    void tellsLimitsConflictsAndInvalidInputApart() {
        assertThat(translate(glue(400, "ResourceNumberLimitExceededException", "too many tables")).getMessage())
                .isEqualTo("Glue refused CreateTable on database strata_curated: an account limit is reached, too many "
                        + "tables; raise the Glue quota (ResourceNumberLimitExceededException)");
        assertThat(translate(glue(400, "ConcurrentModificationException", "busy")).category())
                .isEqualTo(Category.SERVICE);
        assertThat(translate(glue(400, "ValidationException", "bad")).category()).isEqualTo(Category.INVALID);
        assertThat(translate(glue(503, "ServiceUnavailable", "later")).category()).isEqualTo(Category.SERVICE);
        assertThat(translate(glue(400, "ThrottlingException", "slow down")).category()).isEqualTo(Category.THROTTLED);
    }

    @Test
    void keepsOneLineAndNoAccessKeyIdsFromTheServicesMessage() {
        CatalogServiceException e = translate(glue(400, "InvalidInputException",
                "Column type is wrong for key AKIAIOSFODNN7EXAMPLE\n  at line 2"));

        assertThat(e.getMessage()).isEqualTo("Glue rejected CreateTable on database strata_curated: Column type is "
                + "wrong for key <access key id>; fix the name, type or value it names (InvalidInputException)");
    }

    @Test
    void aClientSideFailureSaysWhatToCheck() {
        CatalogServiceException e = GlueFailures.translate("GetTables", "database strata_clean",
                SdkClientException.create("Unable to execute HTTP request: Connection refused"));

        assertThat(e.category()).isEqualTo(Category.SERVICE);
        assertThat(e.getMessage()).isEqualTo("cannot reach Glue for GetTables on database strata_clean: check the "
                + "endpoint, region, credentials and network (Unable to execute HTTP request: Connection refused)");
    }
}
