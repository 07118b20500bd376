package org.caseload.sim.decide;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.caseload.sim.random.SplitMix64;

/**
 * First-order and total Sobol indices of a function of d inputs uniform on [0, 1)^d, by
 * Saltelli's scheme: matrices A and B from the first and last d coordinates of a 2d-dimensional
 * Sobol sequence (commons-math3 {@link SobolSequenceGenerator}, its first point, the origin,
 * skipped), and A with column i from B for each i: n (d + 2) evaluations. Estimators of
 * Saltelli et al. 2010 (first order, {@code mean((f(B) - m) (f(AB_i) - f(A))) / V}, with f(B)
 * centred on the mean m of the sample, which lowers its variance) and Jansen 1999
 * (total, {@code mean((f(A) - f(AB_i))^2) / 2V}), V the variance of f over A and B together;
 * 95% intervals from a percentile bootstrap of the n rows: the 2.5th and 97.5th percentiles
 * of the B resampled indices by nearest rank (the values of rank ceil(0.025 B) and
 * ceil(0.975 B) in ascending order, the rule of every percentile the project prints,
 * docs/monte-carlo.md). They cover the choice of base points only: noise in the function's
 * values (a simulation's mean over finitely many replications) is not in them, and is
 * reported apart ({@link Result#noise}). The output's mean and variance over A and B have
 * intervals from the same resamples.
 *
 * @implNote Stateless and thread-safe if the function is.
 */
public final class SobolIndices {

  /**
   * The fewest base points a study may ask for: below 16 a bootstrap resample holds about ten
   * distinct points or fewer, and at 2 an index of the output's main driver came out 0.
   */
  public static final int MIN_POINTS = 16;
  /** The most base points a study may ask for. */
  public static final int MAX_POINTS = 100_000;
  /**
   * The fewest bootstrap resamples behind intervals: from 100 the 2.5th and 97.5th
   * percentiles are the 3rd and 98th of them, not the ends of a handful (one resample had
   * given an "interval" [27.55, 27.55] beside an index of 0.23).
   */
  public static final int MIN_BOOTSTRAP = 100;
  /** The most bootstrap resamples. */
  public static final int MAX_BOOTSTRAP = 10_000;

  private SobolIndices() {}

  /** Why a study may not ask for {@code n} base points, or null. */
  public static String pointsProblem(long n) {
    return n >= MIN_POINTS && n <= MAX_POINTS ? null
        : String.format(java.util.Locale.ROOT, "must be from %,d to %,d, was %d", MIN_POINTS,
            MAX_POINTS, n);
  }

  /** Why a study may not ask for {@code b} bootstrap resamples, or null. */
  public static String bootstrapProblem(long b) {
    if (b == 0 || b >= MIN_BOOTSTRAP && b <= MAX_BOOTSTRAP) {
      return null;
    }
    // the reason is the bound's that was passed (a billion had been told fewer were too few)
    return String.format(java.util.Locale.ROOT, "must be 0 (no intervals) or from %,d to %,d,"
        + " was %d: %s", MIN_BOOTSTRAP, MAX_BOOTSTRAP, b, b > MAX_BOOTSTRAP
            ? "more resamples cost time and narrow the intervals no further"
            : "fewer resamples make intervals of the extremes of a handful");
  }

  /**
   * One input's indices.
   *
   * @param first first-order index S_i
   * @param firstCi95 its bootstrap 95% interval
   * @param total total index ST_i
   * @param totalCi95 its bootstrap 95% interval
   */
  public record Index(double first, double[] firstCi95, double total, double[] totalCi95) {}

  /**
   * The indices of every input.
   *
   * @param indices one per input
   * @param variance the variance of the output
   * @param varianceCi95 its bootstrap 95% interval
   * @param mean the mean of the output
   * @param meanCi95 its bootstrap 95% interval
   * @param evaluations evaluations of the function, n (d + 2)
   * @param noise the root mean square of the standard errors of the function's values, when
   *     each is itself an estimate (a simulation's mean over k replications); NaN when not
   *     known (as {@link #estimate} returns it: the caller who knows the errors sets it)
   */
  public record Result(List<Index> indices, double variance, double[] varianceCi95,
      double mean, double[] meanCi95, int evaluations, double noise) {
    public Result {
      indices = List.copyOf(indices);
    }

    /** The same indices with the noise of the function's values. */
    public Result withNoise(double value) {
      return new Result(indices, variance, varianceCi95, mean, meanCi95, evaluations, value);
    }

    /**
     * The noise's variance as a share of the output's, noise^2 / variance: about how far
     * the noise of the values can move each index (it adds to the variance, and, where the
     * values' errors are not shared, to the differences the total index averages), an
     * error the bootstrap intervals leave out.
     */
    public double noiseShare() {
      return noise * noise / variance;
    }
  }

  /**
   * Estimates the indices of {@code f}, which maps a batch of points (rows of d coordinates)
   * to their values (it may evaluate them in parallel).
   *
   * @param dimensions d, 1 to 500
   * @param n base points, at least 2
   * @param bootstrap bootstrap resamples (0 for none: the intervals are then NaN)
   * @param seed of the bootstrap's resampling
   */
  public static Result estimate(int dimensions, int n, Function<double[][], double[]> f,
      int bootstrap, long seed) {
    if (dimensions < 1 || dimensions > 500 || n < 2) {
      throw new IllegalArgumentException("need 1 to 500 dimensions and n >= 2");
    }
    int d = dimensions;
    double[][] points = points(d, n);
    double[] y = f.apply(points);
    double[] fa = Arrays.copyOfRange(y, 0, n);
    double[] fb = Arrays.copyOfRange(y, n, 2 * n);
    double[][] fab = new double[d][];
    for (int i = 0; i < d; i++) {
      fab[i] = Arrays.copyOfRange(y, (2 + i) * n, (3 + i) * n);
    }
    int[] all = new int[n];
    Arrays.setAll(all, j -> j);
    double[][] point = indices(fa, fb, fab, all);
    double[][] moments = new double[2][bootstrap];
    double[][][] boot = new double[bootstrap][][];
    SplitMix64 random = new SplitMix64(seed);
    int[] rows = new int[n];
    for (int b = 0; b < bootstrap; b++) {
      for (int j = 0; j < n; j++) {
        rows[j] = (int) Math.floorMod(random.nextLong(), (long) n);
      }
      boot[b] = indices(fa, fb, fab, rows);
      moments[0][b] = boot[b][2][0];
      moments[1][b] = boot[b][2][1];
    }
    List<Index> list = new ArrayList<>();
    for (int i = 0; i < d; i++) {
      list.add(new Index(point[0][i], interval(boot, 0, i), point[1][i],
          interval(boot, 1, i)));
    }
    return new Result(list, point[2][1], interval(moments[1]), point[2][0],
        interval(moments[0]), y.length, Double.NaN);
  }

  /** The n (d + 2) points: A, then B, then AB_1 ... AB_d, each n rows. */
  static double[][] points(int d, int n) {
    SobolSequenceGenerator sobol = new SobolSequenceGenerator(2 * d);
    sobol.skipTo(1);
    double[][] a = new double[n][];
    double[][] b = new double[n][];
    for (int j = 0; j < n; j++) {
      double[] v = sobol.nextVector();
      a[j] = Arrays.copyOfRange(v, 0, d);
      b[j] = Arrays.copyOfRange(v, d, 2 * d);
    }
    double[][] points = new double[(d + 2) * n][];
    for (int j = 0; j < n; j++) {
      points[j] = a[j];
      points[n + j] = b[j];
      for (int i = 0; i < d; i++) {
        double[] mixed = a[j].clone();
        mixed[i] = b[j][i];
        points[(2 + i) * n + j] = mixed;
      }
    }
    return points;
  }

  /** {first[], total[], {mean, variance} of f over A and B} over the given rows. */
  private static double[][] indices(double[] fa, double[] fb, double[][] fab, int[] rows) {
    int n = rows.length;
    double[] ab = new double[2 * n];
    for (int j = 0; j < n; j++) {
      ab[j] = fa[rows[j]];
      ab[n + j] = fb[rows[j]];
    }
    double v = variance(ab);
    // constant: every value the same (its computed variance may be an ulp's worth, not 0)
    boolean constant = Arrays.stream(ab).allMatch(x -> x == ab[0]);
    double centre = Arrays.stream(ab).average().orElse(0);
    double[] first = new double[fab.length];
    double[] total = new double[fab.length];
    for (int i = 0; i < fab.length; i++) {
      double s = 0;
      double t = 0;
      for (int r : rows) {
        s += (fb[r] - centre) * (fab[i][r] - fa[r]);
        double diff = fa[r] - fab[i][r];
        t += diff * diff;
      }
      // an output that does not vary has no shares of its variance: undefined, not 0
      first[i] = constant ? Double.NaN : s / n / v;
      total[i] = constant ? Double.NaN : t / (2.0 * n) / v;
    }
    return new double[][] {first, total, {centre, v}};
  }

  private static double[] interval(double[][][] boot, int kind, int i) {
    double[] values = new double[boot.length];
    for (int b = 0; b < boot.length; b++) {
      values[b] = boot[b][kind][i];
    }
    return interval(values);
  }

  /**
   * The bootstrap 95% interval of resampled {@code values}, of those defined (a resample in
   * which the output does not vary has no indices); NaN ends where fewer than
   * {@link #MIN_BOOTSTRAP} are, as for too few resamples.
   */
  private static double[] interval(double[] values) {
    double[] defined = Arrays.stream(values).filter(x -> !Double.isNaN(x)).toArray();
    return defined.length == 0 || defined.length < Math.min(values.length, MIN_BOOTSTRAP)
        ? new double[] {Double.NaN, Double.NaN} : percentiles95(defined);
  }

  /**
   * The 2.5th and 97.5th percentiles of {@code values} by nearest rank: the values of rank
   * ceil(25 B / 1000) and ceil(975 B / 1000) (at least 1) in ascending order, B values.
   */
  static double[] percentiles95(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return new double[] {sorted[nearestRank(25, sorted.length) - 1],
        sorted[nearestRank(975, sorted.length) - 1]};
  }

  /** The nearest rank of the {@code perMille}/1000 quantile of n values, ceil(q n), in 1..n. */
  static int nearestRank(int perMille, int n) {
    return Math.max(1, (int) ((perMille * (long) n + 999) / 1000));
  }

  private static double variance(double[] values) {
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= values.length;
    double sum = 0;
    for (double v : values) {
      sum += (v - mean) * (v - mean);
    }
    return sum / (values.length - 1);
  }
}
