package org.caseload.sim.summary;

/**
 * Accumulates one metric over replications: count, Welford mean and sum of squared
 * deviations, and a histogram of quantised values. Merging uses Chan's formula, so a tally
 * merged from chunks in a fixed order has the same bytes however the chunks were computed.
 *
 * @implNote Mutable, not thread-safe.
 */
public final class Tally {

  private final Quantizer quantizer;
  private final Histogram histogram = new Histogram();
  private long n;
  private double mean;
  private double m2;

  public Tally(Quantizer quantizer) {
    this.quantizer = quantizer;
  }

  public long n() {
    return n;
  }

  public void add(double value) {
    n++;
    double delta = value - mean;
    mean += delta / n;
    m2 += delta * (value - mean);
    histogram.add(quantizer.key(value));
  }

  public void merge(Tally other) {
    if (other.n == 0) {
      return;
    }
    if (n == 0) {
      n = other.n;
      mean = other.mean;
      m2 = other.m2;
    } else {
      long total = n + other.n;
      double delta = other.mean - mean;
      mean += delta * other.n / total;
      m2 += other.m2 + delta * delta * ((double) n * other.n / total);
      n = total;
    }
    histogram.merge(other.histogram);
  }

  public void clear() {
    n = 0;
    mean = 0;
    m2 = 0;
    histogram.clear();
  }

  public double mean() {
    return mean;
  }

  /** Sample standard deviation (0 with fewer than two values). */
  public double sd() {
    return n < 2 ? 0 : Math.sqrt(Math.max(0, m2 / (n - 1)));
  }

  /** Standard error of the mean. */
  public double se() {
    return n < 1 ? 0 : sd() / Math.sqrt(n);
  }

  /** The summary of everything added or merged. */
  public Summary summary() {
    if (n == 0) {
      return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
          Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    return new Summary(n, mean, sd(), se(), q(0.05), q(0.10), q(0.25), q(0.50), q(0.75),
        q(0.90), q(0.95));
  }

  private double q(double p) {
    return quantizer.value(histogram.quantile(p));
  }
}
