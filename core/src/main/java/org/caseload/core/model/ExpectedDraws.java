package org.caseload.core.model;

/**
 * The draws of the expected-value projection: every count its expectation, workers as
 * cohorts of fractional weight, rounding left out.
 *
 * @implNote Stateless.
 */
final class ExpectedDraws extends Draws {

  @Override
  Draws at(RandomProcess process, long key) {
    return this;
  }

  @Override
  double binomial(double n, double p) {
    return n <= 0 || !(p > 0) ? 0 : n * Math.min(1, p);
  }

  @Override
  double occurs(double weight, double p) {
    return weight * Math.max(0, Math.min(1, p));
  }

  @Override
  double poisson(double mean) {
    return Math.max(0, mean);
  }

  @Override
  double negativeBinomial(double mean, double overdispersion) {
    return Math.max(0, mean);
  }

  @Override
  double round(double x) {
    return x;
  }

  @Override
  double roundDown(double x) {
    return x;
  }

  @Override
  double floor(double x) {
    return x;
  }

  @Override
  double roundUp(double x) {
    return x;
  }

  @Override
  double unit(double count) {
    return count;
  }

  @Override
  boolean whole() {
    return false;
  }

  @Override
  double evenShare(double total, double holders, int rank, double weight) {
    return total * weight / holders;
  }

  @Override
  double share(double[] room, double[] weight, int m, double cases, double[] give) {
    return Allocator.shareFluid(room, weight, m, cases, give);
  }
}
