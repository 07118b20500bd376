package org.caseload.bench.random;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.MarsagliaTsangWangDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.caseload.sim.random.Distributions;
import org.caseload.sim.random.SplitMix64;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One draw with the parameter changing on every draw (cycled from 1,024 prepared values), in
 * the regimes the model uses, by our samplers, commons-math3 distribution objects, and
 * commons-rng samplers rebuilt per draw (commons-rng has no general binomial sampler; its
 * table-based one is used where it works).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar SamplerBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SamplerBenchmark {

  /** Who draws. */
  public enum Impl { caseload, commonsMath3, commonsRng }

  /** What is drawn: distribution and parameter range. */
  public enum Regime {
    poissonSmallMean(0.5, 9.5),
    poissonLargeMean(30, 400),
    binomialSmallN(1, 30),
    binomialLargeN(200, 2000);

    final double lo;
    final double hi;

    Regime(double lo, double hi) {
      this.lo = lo;
      this.hi = hi;
    }
  }

  @Param
  public Impl impl;

  @Param
  public Regime regime;

  private final double[] means = new double[1024];
  private final int[] ns = new int[1024];
  private final double[] ps = new double[1024];
  private int i;
  private SplitMix64 ours;
  private org.apache.commons.math3.random.RandomGenerator math3;
  private UniformRandomProvider rng;

  @Setup
  public void setUp() {
    SplittableRandom prepare = new SplittableRandom(17);
    for (int k = 0; k < means.length; k++) {
      means[k] = prepare.nextDouble(regime.lo, regime.hi);
      ns[k] = (int) prepare.nextDouble(regime.lo, regime.hi);
      // Large n: p small enough that (1-p)^n does not underflow, for commons-rng's table.
      ps[k] = regime == Regime.binomialLargeN ? prepare.nextDouble(0.02, 0.2)
          : prepare.nextDouble(0.05, 0.9);
    }
    ours = new SplitMix64(1);
    math3 = new Math3Sampler.Adapter(new SplitMix64(1));
    rng = RandomSource.SPLIT_MIX_64.create(1L);
  }

  @Benchmark
  public int draw() {
    int k = i++ & 1023;
    boolean poisson = regime == Regime.poissonSmallMean || regime == Regime.poissonLargeMean;
    return switch (impl) {
      case caseload -> poisson ? Distributions.poisson(ours, means[k])
          : Distributions.binomial(ours, ns[k], ps[k]);
      case commonsMath3 -> poisson
          ? new PoissonDistribution(math3, means[k], PoissonDistribution.DEFAULT_EPSILON,
              PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample()
          : new BinomialDistribution(math3, ns[k], ps[k]).sample();
      case commonsRng -> poisson ? PoissonSampler.of(rng, means[k]).sample()
          : MarsagliaTsangWangDiscreteSampler.Binomial.of(rng, ns[k], ps[k]).sample();
    };
  }
}
