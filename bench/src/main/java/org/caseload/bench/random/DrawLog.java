package org.caseload.bench.random;

import java.util.Arrays;
import org.caseload.core.model.Sampler;

/**
 * A sampler that passes draws on to another and records each call (re-keying, uniform,
 * Poisson, binomial, negative binomial) with its parameters, so the same draws can be
 * replayed without the model: the random-number floor.
 */
public final class DrawLog implements Sampler {

  static final byte AT = 0;
  static final byte UNIFORM = 1;
  static final byte POISSON = 2;
  static final byte BINOMIAL = 3;
  static final byte NEGATIVE_BINOMIAL = 4;

  private final Sampler inner;
  private byte[] kinds = new byte[1024];
  private long[] keys = new long[1024];
  private double[] values = new double[1024];
  private int size;

  public DrawLog(Sampler inner) {
    this.inner = inner;
  }

  private void log(byte kind, long key, double value) {
    if (size == kinds.length) {
      kinds = Arrays.copyOf(kinds, size * 2);
      keys = Arrays.copyOf(keys, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    kinds[size] = kind;
    keys[size] = key;
    values[size] = value;
    size++;
  }

  @Override
  public Sampler at(long key) {
    log(AT, key, 0);
    inner.at(key);
    return this;
  }

  @Override
  public double normal() {
    log(UNIFORM, 0, 0);
    return inner.normal();
  }

  @Override
  public double uniform() {
    log(UNIFORM, 0, 0);
    return inner.uniform();
  }

  @Override
  public int poisson(double mean) {
    log(POISSON, 0, mean);
    return inner.poisson(mean);
  }

  @Override
  public int binomial(int n, double p) {
    log(BINOMIAL, n, p);
    return inner.binomial(n, p);
  }

  @Override
  public int negativeBinomial(double mean, double overdispersion) {
    log(NEGATIVE_BINOMIAL, Double.doubleToRawLongBits(overdispersion), mean);
    return inner.negativeBinomial(mean, overdispersion);
  }

  public int size() {
    return size;
  }

  /** Replays every recorded call on {@code sampler}; returns a checksum of the draws. */
  public long replay(Sampler sampler) {
    long sum = 0;
    for (int k = 0; k < size; k++) {
      switch (kinds[k]) {
        case AT -> sampler.at(keys[k]);
        case UNIFORM -> sum += (long) (sampler.uniform() * 1024);
        case POISSON -> sum += sampler.poisson(values[k]);
        case BINOMIAL -> sum += sampler.binomial((int) keys[k], values[k]);
        default -> sum += sampler.negativeBinomial(values[k],
            Double.longBitsToDouble(keys[k]));
      }
    }
    return sum;
  }
}
