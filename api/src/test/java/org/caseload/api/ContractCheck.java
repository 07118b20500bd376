package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Response;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import io.vertx.openapi.validation.ValidatorException;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the server's success answers against the contract ({@code openapi.yaml}) with
 * Vert.x's own response validator, and remembers which operations it has checked.
 */
final class ContractCheck {

  static final String JSON = "application/json";

  private final OpenAPIContract contract;
  private final ResponseValidator validator;
  private final Set<String> checked = new TreeSet<>();

  private ContractCheck(OpenAPIContract contract, ResponseValidator validator) {
    this.contract = contract;
    this.validator = validator;
  }

  static ContractCheck load(Vertx vertx) {
    OpenAPIContract contract = OpenAPIContract.from(vertx, "openapi.yaml").await();
    return new ContractCheck(contract, ResponseValidator.create(vertx, contract));
  }

  /** Asserts a JSON success answer is the operation's declared body; returns the body. */
  JsonObject conforms(String operationId, HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).as(operationId + ": " + response.bodyAsString())
        .isBetween(200, 299);
    assertThat(response.getHeader("Content-Type")).as(operationId).startsWith(JSON);
    try {
      validator.validate(ValidatableResponse.create(response.statusCode(), response.body(), JSON),
          operationId).await();
    } catch (ValidatorException e) {
      String body = response.bodyAsString();
      throw new AssertionError(operationId + " " + response.statusCode() + " does not conform: "
          + e.getMessage() + "\n" + (body.length() <= 2_000 ? body
          : body.substring(0, 2_000) + "..."), e);
    }
    checked.add(operationId);
    return response.bodyAsJsonObject();
  }

  /** Whether {@code body} would pass as the operation's 200 answer. */
  boolean valid(String operationId, JsonObject body) {
    try {
      validator.validate(ValidatableResponse.create(200, body.toBuffer(), JSON), operationId)
          .await();
      return true;
    } catch (ValidatorException e) {
      return false;
    }
  }

  /** The operations checked so far. */
  Set<String> checked() {
    return checked;
  }

  /** The operations whose contract declares a JSON body for a success. */
  Set<String> operationsWithJsonBodies() {
    Set<String> ids = new TreeSet<>();
    for (Operation operation : contract.operations()) {
      for (int status = 200; status < 300; status++) {
        Response response = operation.getResponse(status);
        if (response != null && response.getContent().containsKey(JSON)) {
          ids.add(operation.getOperationId());
        }
      }
    }
    return ids;
  }
}
