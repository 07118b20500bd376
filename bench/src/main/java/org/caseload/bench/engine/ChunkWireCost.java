package org.caseload.bench.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.engine.ChunkExecutor;
import org.caseload.sim.engine.ChunkSource;
import org.caseload.sim.engine.ChunkWork;
import org.caseload.sim.engine.MonteCarlo;
import org.caseload.sim.engine.RunOptions;
import org.caseload.sim.presets.Presets;
import org.caseload.sim.summary.Accuracy;
import org.caseload.sim.summary.Tally;
import org.caseload.sim.summary.Wire;

/**
 * The CPU a chunk's wire form costs, outside JMH (a whole run per measurement): the standard
 * workload's scenario (Medway, 36 months) run on this thread in process, then the same run
 * with every 64-replication chunk computed by {@link ChunkWork#compute} (simulate and write
 * its bytes) and merged from its bytes, as a cluster's API node merges; thread CPU time of
 * each, per chunk, five rounds (the first is warm-up). Usage: {@code java -cp
 * bench/target/benchmarks.jar org.caseload.bench.engine.ChunkWireCost [REPLICATIONS]}.
 */
public final class ChunkWireCost {

  private ChunkWireCost() {}

  public static void main(String[] args) {
    long replications = args.length > 0 ? Long.parseLong(args[0]) : 1280;
    Scenario medway = Presets.load("medway-2019").orElseThrow().withHorizon(36);
    RunOptions options = RunOptions.builder().replications(replications).seed(1).threads(1)
        .build();
    ChunkExecutor inline = (work, o) -> new ChunkSource() {
      @Override
      public byte[] take(long chunk) {
        return work.compute(chunk, () -> false);
      }

      @Override
      public void close() {}
    };
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long chunks = (replications + RunOptions.CHUNK - 1) / RunOptions.CHUNK;
    for (int round = 0; round < 5; round++) {
      long t0 = cpu.getCurrentThreadCpuTime();
      MonteCarlo.run(medway, options, List.of());
      long t1 = cpu.getCurrentThreadCpuTime();
      MonteCarlo.run(medway, options, List.of(), inline);
      long t2 = cpu.getCurrentThreadCpuTime();
      double local = (t1 - t0) / 1e6 / chunks;
      double wire = (t2 - t1) / 1e6 / chunks;
      System.out.printf("round %d%s: in process %.1f CPU ms/chunk; through bytes %.1f;"
          + " wire %.2f ms/chunk (%.1f%%)%n", round, round == 0 ? " (warm-up)" : "", local,
          wire, wire - local, 100 * (wire - local) / local);
    }
    ChunkWork work = ChunkWork.run(medway, List.of(), 1, replications);
    byte[] chunk = work.compute(0, () -> false);
    System.out.printf("bytes of a chunk: %,d; the work's JSON (sent once per node): %,d%n",
        chunk.length, work.toJson().length());
    isolated(chunk, cpu);
  }

  /**
   * The wire's own steps on one real chunk's tallies (a run without targets is its
   * replication count, then tallies to the end), repeated for stable figures: writing them
   * (on the worker), merging them from bytes into totals (on the API node), and, for
   * comparison, merging them as objects (what a single process does instead).
   */
  private static void isolated(byte[] chunk, ThreadMXBean cpu) {
    List<Tally> tallies = new ArrayList<>();
    try {
      Wire.In in = new Wire.In(chunk);
      in.readLong();
      while (!in.atEnd()) {
        Tally tally = new Tally(Accuracy.RELATIVE);
        tally.readFrom(in);
        tallies.add(tally);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int repeats = 300;
    for (int round = 0; round < 3; round++) {
      long t0 = cpu.getCurrentThreadCpuTime();
      for (int r = 0; r < repeats; r++) {
        Wire.Out out = new Wire.Out(chunk.length);
        out.writeLong(64);
        tallies.forEach(t -> t.writeTo(out));
      }
      long t1 = cpu.getCurrentThreadCpuTime();
      List<Tally> totals = tallies.stream().map(t -> new Tally(Accuracy.RELATIVE)).toList();
      try {
        for (int r = 0; r < repeats; r++) {
          Wire.In in = new Wire.In(chunk);
          in.readLong();
          for (Tally total : totals) {
            total.mergeFrom(in);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      long t2 = cpu.getCurrentThreadCpuTime();
      List<Tally> local = tallies.stream().map(t -> new Tally(Accuracy.RELATIVE)).toList();
      for (int r = 0; r < repeats; r++) {
        for (int i = 0; i < tallies.size(); i++) {
          local.get(i).merge(tallies.get(i));
        }
      }
      long t3 = cpu.getCurrentThreadCpuTime();
      System.out.printf("isolated, round %d (%,d tallies): write %.2f ms/chunk, merge from bytes"
          + " %.2f ms/chunk, merge in process %.2f ms/chunk; wire extra %.2f ms/chunk%n",
          round, tallies.size(), (t1 - t0) / 1e6 / repeats, (t2 - t1) / 1e6 / repeats,
          (t3 - t2) / 1e6 / repeats, ((t1 - t0) + (t2 - t1) - (t3 - t2)) / 1e6 / repeats);
    }
  }
}
