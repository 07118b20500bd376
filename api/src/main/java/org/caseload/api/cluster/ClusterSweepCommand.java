package org.caseload.api.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.caseload.api.Launch;
import org.caseload.core.data.DfeData;
import org.caseload.core.metrics.Metric;
import org.caseload.core.scenario.JsonSyntax;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioJson;
import org.caseload.sim.cli.CaseloadCommand;
import org.caseload.sim.cli.RunFlags;
import org.caseload.sim.cli.ScenarioFiles;
import org.caseload.sim.cli.SweepCommand;
import org.caseload.sim.engine.MonteCarlo;
import org.caseload.sim.engine.RunOptions;
import org.caseload.sim.sweep.AllCouncils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code caseload sweep --all-councils --year Y --cluster ...}: the all-England sweep with
 * every scenario's chunks computed across a cluster. This process joins the cluster (and
 * computes too), sends the chunks, merges them in chunk order and writes the same CSV, to
 * the byte, as {@code caseload sweep --all-councils} in one process. The launcher starts it
 * for a sweep given {@code --cluster}.
 */
@Command(name = "caseload sweep", mixinStandardHelpOptions = true, sortOptions = false,
    description = "An all-England sweep on a cluster (docs/cluster.md): the CSV of 'caseload"
        + " sweep --all-councils', computed by every node.")
public final class ClusterSweepCommand implements Callable<Integer> {

  @Mixin
  ClusterOptions cluster = new ClusterOptions();

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      description = "the grid, a JSON file: axes and metrics (no preset or scenario)")
  Path file;

  @Option(names = "--all-councils", required = true,
      description = "sweep every council with a workforce return in --year")
  boolean allCouncils;

  @Option(names = "--year", paramLabel = "Y", required = true, description = "the base year")
  int year;

  @Option(names = "--councils", paramLabel = "NAME,...", split = ",",
      description = "only these councils (names or codes)")
  List<String> councils;

  @Option(names = "--replications", paramLabel = "N", defaultValue = "1000",
      description = "replications per scenario (default ${DEFAULT-VALUE})")
  long replications;

  @Option(names = "--months", paramLabel = "N", defaultValue = "36",
      description = "months (default ${DEFAULT-VALUE})")
  int months;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "master seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--threads", paramLabel = "N",
      description = "chunks this node computes at once (default: cores)")
  Integer threads;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = CaseloadCommand.DFE_FOLDER,
      description = "folder of DfE CSV files (default ${DEFAULT-VALUE})")
  Path data;

  @Option(names = "--out", paramLabel = "FILE", description = "write the CSV here, not stdout")
  Path out;

  @Option(names = "--skipped", paramLabel = "FILE",
      description = "write the councils left out, and why, here (CSV)")
  Path skippedFile;

  @Option(names = "--quiet", description = "no summary line on stderr")
  boolean quiet;

  @Spec
  CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true),
        args));
  }

  /** Runs the command; bad flags exit 2 naming the flag. */
  static int execute(PrintWriter stdout, PrintWriter err, String... args) {
    return Launch.execute("sweep", new ClusterSweepCommand(), stdout, err, args);
  }

  @Override
  public Integer call() throws Exception {
    ClusterConfig config = cluster.config();
    if (config == null) {
      throw new IllegalArgumentException("--cluster: this command sweeps on a cluster; without"
          + " it run 'caseload sweep --all-councils' from the sim jar");
    }
    if (replications < 1 || replications > RunOptions.MAX_REPLICATIONS) {
      throw new IllegalArgumentException("--replications: must be between 1 and "
          + RunOptions.MAX_REPLICATIONS + ", was " + replications);
    }
    if (months < 1 || months > Scenario.MAX_HORIZON_MONTHS) {
      throw new IllegalArgumentException("--months: must be between 1 and "
          + Scenario.MAX_HORIZON_MONTHS + ", was " + months);
    }
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1 || n > RunOptions.MAX_THREADS) {
      throw new IllegalArgumentException("--threads: must be between 1 and "
          + RunOptions.MAX_THREADS + ", was " + n);
    }
    JsonNode grid = grid();
    // the local sweep's rules and messages
    List<AllCouncils.Axis> axes = SweepCommand.axes(file, grid, true);
    List<Metric> metrics = SweepCommand.metrics(file, grid);
    if (out != null) {
      RunFlags.checkOut(out); // as sweep --all-councils does: a folder or FIFO costs no sweep
    }
    if (skippedFile != null) {
      RunFlags.checkFile("--skipped", skippedFile);
    }
    DfeData dfe;
    try {
      dfe = DfeData.load(data);
    } catch (IOException e) {
      throw new IllegalArgumentException("--data: cannot read " + data + " (" + e.getMessage()
          + ")");
    }
    AllCouncils.Councils all;
    try {
      all = AllCouncils.of(dfe, year, months, councils);
    } catch (AllCouncils.UnknownCouncilException e) {
      throw new IllegalArgumentException("--councils: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--year: " + e.getMessage());
    }
    String tooLarge = AllCouncils.tooLarge(all.calibrated().size(), axes, metrics, months,
        AllCouncils.MAX_COMMAND_CSV_BYTES);
    if (tooLarge != null) { // before any cluster node starts, as sweep --all-councils does
      throw new IllegalArgumentException((!axes.isEmpty() ? file + ": axes"
          : grid.has("metrics") ? file + ": metrics" : "--months") + ": " + tooLarge);
    }
    PrintWriter err = spec.commandLine().getErr();
    ClusterNode.Started node = ClusterNode.start(config, new VertxOptions());
    ComputeService compute = ComputeService.start(node.vertx(), node.manager(), n);
    ClusterExecutor executor = new ClusterExecutor(node.vertx(), node.manager(), config);
    AllCouncils.Output output;
    try {
      RunOptions options = RunOptions.builder().replications(replications).seed(seed)
          .threads(n).build();
      output = AllCouncils.run(all, axes, metrics,
          scenario -> MonteCarlo.run(scenario, options, List.of(), executor));
    } finally {
      compute.close();
      node.vertx().close().await();
    }
    for (AllCouncils.Skipped s : output.skipped()) {
      err.println("skipped " + s.area().name() + " (" + s.area().code() + "): " + s.reason());
    }
    if (!quiet) {
      long nodes = executor.answered().values().stream().filter(c -> c.get() > 0).count();
      err.println(output.councilsRun() + " councils, " + output.scenariosRun()
          + " scenarios run on " + nodes + " nodes of the cluster; " + output.skipped().size()
          + " skipped");
    }
    err.flush();
    if (skippedFile != null) {
      RunFlags.write("--skipped", skippedFile, AllCouncils.skippedCsv(output.skipped()));
    }
    RunFlags.emit(spec.commandLine().getOut(), out, output.csv()); // atomically to --out
    spec.commandLine().getOut().flush();
    return 0;
  }

  private JsonNode grid() {
    if (file == null) {
      return ScenarioJson.mapper().createObjectNode();
    }
    JsonNode grid;
    try { // as sweep --all-councils reads it: a regular file of bounded size, one JSON value
      grid = ScenarioJson.readTree(ScenarioFiles.readText(null, file, "a sweep grid"));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + ": is not valid JSON: " + JsonSyntax.describe(e));
    }
    if (grid == null || !grid.isObject()) {
      throw new IllegalArgumentException(file + ": must be a JSON object");
    }
    grid.fieldNames().forEachRemaining(name -> {
      if (!List.of("axes", "metrics").contains(name)) {
        throw new IllegalArgumentException(file + ": " + name + ": is not a field of an"
            + " all-councils grid (axes, metrics)");
      }
    });
    return grid;
  }
}
