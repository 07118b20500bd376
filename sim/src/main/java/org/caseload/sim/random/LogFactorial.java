package org.caseload.sim.random;

/**
 * {@code ln(k!)} from a table for small k and Stirling's series beyond, accurate to about
 * 1e-14 relative, without allocation.
 */
final class LogFactorial {

  private static final int TABLE = 1024;
  private static final double[] LOG_FACTORIAL = new double[TABLE];
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  static {
    double sum = 0;
    for (int k = 1; k < TABLE; k++) {
      sum += Math.log(k);
      LOG_FACTORIAL[k] = sum;
    }
  }

  private LogFactorial() {}

  static double of(long k) {
    if (k < TABLE) {
      return LOG_FACTORIAL[(int) k];
    }
    double x = k + 1.0;
    double inv = 1 / x;
    double inv2 = inv * inv;
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI
        + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 / 1260));
  }
}
