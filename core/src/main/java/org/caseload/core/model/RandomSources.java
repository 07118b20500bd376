package org.caseload.core.model;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One {@link Sampler} per {@link RandomProcess}, for one replication.
 *
 * @implNote Not thread-safe, like the samplers it holds.
 */
public final class RandomSources {

  private final Sampler[] samplers = new Sampler[RandomProcess.values().length];

  private RandomSources(Function<RandomProcess, Sampler> factory) {
    for (RandomProcess process : RandomProcess.values()) {
      samplers[process.ordinal()] = Objects.requireNonNull(factory.apply(process),
          () -> "no sampler for " + process);
    }
  }

  /** Sources made by asking {@code factory} once for each process. */
  public static RandomSources of(Function<RandomProcess, Sampler> factory) {
    return new RandomSources(factory);
  }

  /** Sources from a map with a sampler for every process. */
  public static RandomSources of(Map<RandomProcess, Sampler> samplers) {
    return new RandomSources(new EnumMap<>(samplers)::get);
  }

  /** The sampler of {@code process}. */
  public Sampler get(RandomProcess process) {
    return samplers[process.ordinal()];
  }
}
