package org.caseload.sim.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.caseload.core.model.RandomProcess;
import org.caseload.core.model.RandomSources;
import org.caseload.core.model.Sampler;
import org.junit.jupiter.api.Test;

class StreamsTest {

  @Test
  void splitMix64_isTheJdksSplittableRandom() {
    for (long seed : new long[] {0, 1, -7, 0x123456789ABCDEFL}) {
      SplittableRandom jdk = new SplittableRandom(seed);
      SplitMix64 ours = new SplitMix64(seed);
      for (int i = 0; i < 1000; i++) {
        assertThat(ours.nextLong()).isEqualTo(jdk.nextLong());
      }
      SplittableRandom jdk2 = new SplittableRandom(seed);
      ours.reseed(seed);
      for (int i = 0; i < 1000; i++) {
        assertThat(ours.nextDouble()).isEqualTo(jdk2.nextDouble());
      }
    }
  }

  @Test
  void keyedSubstreams_dependOnTheKeyAlone() {
    Sampler a = Streams.of(5).forReplication(3).get(RandomProcess.LEAVERS);
    Sampler b = Streams.of(5).forReplication(3).get(RandomProcess.LEAVERS);
    a.at(99).uniform();
    a.at(12);
    double first = a.uniform();
    double second = a.uniform();
    assertThat(b.at(12).uniform()).isEqualTo(first);
    assertThat(b.uniform()).isEqualTo(second);
  }

  @Test
  void streams_differBySeedReplicationProcessAndKey() {
    Set<Double> firsts = new HashSet<>();
    int count = 0;
    for (long seed = 0; seed < 3; seed++) {
      for (long replication = 0; replication < 3; replication++) {
        RandomSources sources = Streams.of(seed).forReplication(replication);
        for (RandomProcess process : RandomProcess.values()) {
          for (long key = 0; key < 3; key++) {
            firsts.add(sources.get(process).at(key).uniform());
            count++;
          }
        }
      }
    }
    assertThat(firsts).hasSize(count);
  }

  @Test
  void seedMixer_isABijectionOnSamples() {
    Set<Long> seen = new HashSet<>();
    for (long z = -5000; z < 5000; z++) {
      seen.add(SeedMixer.mix64(z));
    }
    assertThat(seen).hasSize(10_000);
  }
}
