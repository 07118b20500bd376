package org.caseload.api.cluster;

import io.vertx.core.VertxOptions;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.caseload.api.BadSettingException;
import org.caseload.api.Launch;
import org.caseload.core.calibration.Calibrator;
import org.caseload.core.data.DfeData;
import org.caseload.sim.cli.AllCouncilsCommand;
import org.caseload.sim.cli.CaseloadCommand;
import org.caseload.sim.cli.RunFlags;
import org.caseload.sim.cli.Stdout;
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

  @Option(names = "--replications", paramLabel = "N",
      defaultValue = "" + RunOptions.DEFAULT_REPLICATIONS,
      description = "replications per scenario (default ${DEFAULT-VALUE})")
  long replications;

  @Option(names = "--months", paramLabel = "N",
      defaultValue = "" + Calibrator.DEFAULT_HORIZON_MONTHS,
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

  @Option(names = "--paired",
      description = "also each point's paired difference from its council's forecast and its"
          + " 95%% interval, as 'caseload sweep --all-councils --paired'")
  boolean paired;

  @Option(names = "--quiet", description = "no summary line on stderr")
  boolean quiet;

  @Spec
  CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(Stdout.over(new FileOutputStream(FileDescriptor.out)),
        new PrintWriter(System.err, true), args));
  }

  /** Runs the command; bad flags exit 2 naming the flag. */
  static int execute(PrintWriter stdout, PrintWriter err, String... args) {
    return Launch.execute("sweep", new ClusterSweepCommand(), stdout, err, args);
  }

  @Override
  public Integer call() throws Exception {
    ClusterConfig config = cluster.config();
    if (config == null) {
      throw new BadSettingException("--cluster", "this command sweeps on a cluster; without"
          + " it run 'caseload sweep --all-councils' from the sim jar");
    }
    if (replications < 1 || replications > RunOptions.MAX_REPLICATIONS) {
      throw new BadSettingException("--replications", "must be between 1 and "
          + RunOptions.MAX_REPLICATIONS + ", was " + replications);
    }
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1 || n > RunOptions.MAX_THREADS) {
      throw new BadSettingException("--threads", "must be between 1 and "
          + RunOptions.MAX_THREADS + ", was " + n);
    }
    if (out != null) {
      RunFlags.checkOut(out); // as sweep --all-councils does: a folder or FIFO costs no sweep
    }
    DfeData dfe;
    try {
      dfe = DfeData.load(data);
    } catch (IOException e) { // unreadable, not a folder, or no DfE workforce table in it
      throw new BadSettingException("--data", "cannot read " + data + " (" + e.getMessage()
          + ")");
    }
    // the local sweep's rules and messages, before any cluster node starts
    AllCouncilsCommand sweep = AllCouncilsCommand.plan(dfe, year, months, councils, file,
        skippedFile, out, paired);
    PrintWriter err = spec.commandLine().getErr();
    ClusterNode.Started node = ClusterNode.start(config, new VertxOptions());
    ComputeService compute = ComputeService.start(node.vertx(), node.manager(), n);
    ClusterExecutor executor = new ClusterExecutor(node.vertx(), node.manager(), config);
    AllCouncils.Output output;
    try {
      RunOptions options = RunOptions.builder().replications(replications).seed(seed)
          .threads(n).build();
      output = AllCouncils.run(sweep.councils(), sweep.axes(), sweep.metrics(), paired
          ? new AllCouncils.Runner.AgainstCouncil(options, executor)
          : new AllCouncils.Runner.OneByOne(
              scenario -> MonteCarlo.run(scenario, options, List.of(), executor)));
    } finally {
      compute.close();
      node.vertx().close().await();
    }
    long nodes = executor.answered().values().stream().filter(c -> c.get() > 0).count();
    AllCouncilsCommand.report(output, err, quiet, " on " + nodes + " nodes of the cluster",
        skippedFile);
    RunFlags.emit(spec.commandLine().getOut(), out, output.csv()); // atomically to --out
    spec.commandLine().getOut().flush();
    return 0;
  }
}
