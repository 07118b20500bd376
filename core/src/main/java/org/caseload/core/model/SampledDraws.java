package org.caseload.core.model;

/**
 * The draws of a sampled replication: every count a draw from the replication's
 * {@link RandomSources}, every worker and case a whole one.
 *
 * @implNote Mutable, not thread-safe; the sources are handed in month by month.
 */
final class SampledDraws extends Draws {

  private RandomSources sources;
  private Sampler current;
  private final int[] tally = new int[Allocator.TALLIED_ROOM + 1];

  /** Draws from {@code sources} until the next call. */
  void use(RandomSources sources) {
    this.sources = sources;
  }

  @Override
  Draws at(RandomProcess process, long key) {
    current = sources.get(process).at(key);
    return this;
  }

  @Override
  double binomial(double n, double p) {
    return current.binomial((int) n, p);
  }

  @Override
  double occurs(double weight, double p) {
    return current.uniform() < p ? weight : 0;
  }

  @Override
  double poisson(double mean) {
    return current.poisson(mean);
  }

  @Override
  double negativeBinomial(double mean, double overdispersion) {
    return current.negativeBinomial(mean, overdispersion);
  }

  @Override
  double round(double x) {
    return Math.round(x);
  }

  @Override
  double roundDown(double x) {
    return Math.floor(x + 1e-9);
  }

  @Override
  double floor(double x) {
    return Math.floor(x);
  }

  @Override
  double roundUp(double x) {
    return Math.ceil(x);
  }

  @Override
  double unit(double count) {
    return 1;
  }

  @Override
  boolean whole() {
    return true;
  }

  @Override
  double evenShare(double total, double holders, int rank, double weight) {
    int t = (int) total;
    int h = (int) holders;
    return t / h + (rank < t % h ? 1 : 0);
  }

  @Override
  double share(double[] room, double[] weight, int m, double cases, double[] give) {
    return Allocator.share(room, m, cases, give, tally);
  }
}
