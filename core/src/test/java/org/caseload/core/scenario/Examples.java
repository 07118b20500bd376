package org.caseload.core.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The example scenarios shipped in {@code examples/}, for tests. */
public final class Examples {

  private Examples() {}

  /** The examples folder of the repository (tests run in the module folder). */
  public static Path folder() {
    return Path.of("..", "examples");
  }

  public static String json(String name) {
    try {
      return Files.readString(folder().resolve(name + ".json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Scenario load(String name) {
    return ScenarioJson.read(json(name));
  }

  public static Scenario medway() {
    return load("medway-2019");
  }

  public static Scenario synthetic() {
    return load("synthetic-small");
  }
}
