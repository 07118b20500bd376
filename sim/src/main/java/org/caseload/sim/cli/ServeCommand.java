package org.caseload.sim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code caseload serve}: listed so that {@code --help} shows it. The {@code ./caseload}
 * launcher starts the API's own jar for {@code serve} and never reaches this command; run
 * from this jar directly it says how to start the API.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Start the planners' HTTP API on http://127.0.0.1:8080 (--port, --host;"
        + " docs/api.md). Started by the ./caseload launcher, which runs the api module's jar;"
        + " './caseload serve --help' lists its flags.")
final class ServeCommand implements Callable<Integer> {

  @Parameters(hidden = true)
  String[] ignored;

  @Override
  public Integer call() {
    throw new UserError("serve: the API is its own jar: run './caseload serve' from the"
        + " repository, or 'java -jar api/target/caseload-api.jar'");
  }
}
