package org.caseload.sim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code caseload worker}: listed so that {@code --help} shows it. The {@code ./caseload}
 * launcher starts the API's jar for {@code worker} (a cluster's compute node needs Vert.x,
 * which this jar has not); run from this jar directly it says how to start a worker.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
    description = "Compute chunks of runs for a cluster's API nodes (--cluster, --members,"
        + " --cluster-host; docs/cluster.md). Started by the ./caseload launcher, which runs"
        + " the api module's jar; './caseload worker --help' lists its flags.")
final class WorkerCommand implements Callable<Integer> {

  @Parameters(hidden = true)
  String[] ignored;

  @Override
  public Integer call() {
    throw new UserError("worker: a compute node runs from the API's jar: run './caseload"
        + " worker --cluster' from the repository, or 'java -cp api/target/caseload-api.jar"
        + " org.caseload.api.cluster.WorkerCommand --cluster'");
  }
}
