package org.caseload.sim.presets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseload.core.data.Names;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioJson;

/**
 * The preset scenarios: those calibrated from the DfE figures ({@code presets/}, made by
 * {@code caseload calibrate}; see presets/README.md) and the hand-made examples
 * ({@code examples/}), packaged as classpath resources by the build.
 *
 * @implNote Stateless and thread-safe.
 */
public final class Presets {

  private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();
  private static final Map<String, String> RESOURCES = new LinkedHashMap<>();

  static {
    calibrated("england-2022", "England at 30 September 2022, calibrated (slow: 38,000 workers)");
    calibrated("medway-2019", "Medway at 30 September 2019, calibrated");
    calibrated("northamptonshire-2018", "Northamptonshire at 30 September 2018, calibrated");
    calibrated("worcestershire-2017", "Worcestershire at 30 September 2017, calibrated");
    example("medway-2019-example", "medway-2019",
        "Medway at 30 September 2019, derived by hand (examples/README.md)");
    example("synthetic-small", "synthetic-small",
        "a small made-up service with a posts increase and a recruitment campaign");
    example("medway-2019-localities", "medway-2019-localities",
        "Medway 2019 with its long-term work in two localities, east and west (illustrative,"
            + " examples/README.md)");
    example("northamptonshire-2017-first-response", "northamptonshire-2017-first-response",
        "Northamptonshire 2017 with a small first-response team: a backlog forms"
            + " (docs/examples/northamptonshire-2018.md)");
  }

  private static void calibrated(String name, String description) {
    DESCRIPTIONS.put(name, description);
    RESOURCES.put(name, "/presets/" + name + ".json");
  }

  private static void example(String name, String file, String description) {
    DESCRIPTIONS.put(name, description);
    RESOURCES.put(name, "/examples/" + file + ".json");
  }

  /**
   * The preset's file in the repository ({@code presets/NAME.json} or {@code examples/...}),
   * relative to its root, which the build packages; empty if there is no preset of that name.
   */
  public static Optional<java.nio.file.Path> sourceFile(String name) {
    String resource = RESOURCES.get(canonical(name));
    return resource == null ? Optional.empty()
        : Optional.of(java.nio.file.Path.of(resource.substring(1)));
  }

  /**
   * Where the preset's file may be on this machine: {@link #sourceFile} below the working
   * folder and below each folder above the tool's own jar or classes (sim/target/caseload.jar
   * in a clone: the repository root three folders up), those that exist. A run from another
   * folder with --out naming the repository's file had replaced it, and the tool, rebuilt from
   * it, then failed on every use of the preset.
   */
  public static List<java.nio.file.Path> sourceFiles(String name) {
    Optional<java.nio.file.Path> relative = sourceFile(name);
    if (relative.isEmpty()) {
      return List.of();
    }
    List<java.nio.file.Path> found = new ArrayList<>();
    if (java.nio.file.Files.exists(relative.get())) {
      found.add(relative.get());
    }
    java.nio.file.Path folder = codeLocation();
    for (int up = 0; up < 4 && folder != null; up++, folder = folder.getParent()) {
      java.nio.file.Path candidate = folder.resolve(relative.get());
      if (java.nio.file.Files.exists(candidate)) {
        found.add(candidate);
      }
    }
    return found;
  }

  /** The jar or classes folder this class was loaded from, or null where it cannot be told. */
  private static java.nio.file.Path codeLocation() {
    try {
      java.security.CodeSource code = Presets.class.getProtectionDomain().getCodeSource();
      return code == null ? null : java.nio.file.Path.of(code.getLocation().toURI());
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return null; // not a file (a jar within a jar, a custom loader): the working folder only
    }
  }

  /**
   * What a calibrated preset was calibrated from: the council (the scenario's area), the
   * year of its base date and its months, which {@code caseload calibrate} (or the API's
   * calibrations) turns into the same scenario with the notes of what it assumed
   * (presets/README.md; {@code PresetsTest}).
   */
  public record CalibratedFrom(String la, int year, int months) {}

  /** What the preset was calibrated from; empty for a hand-made example or no such preset. */
  public static Optional<CalibratedFrom> calibratedFrom(String name) {
    return Optional.ofNullable(CalibratedPresets.FROM.get(canonical(name)));
  }

  /** Each calibrated preset's {@link CalibratedFrom}, read once (the API lists them often). */
  private static final class CalibratedPresets {
    static final Map<String, CalibratedFrom> FROM = read();

    private static Map<String, CalibratedFrom> read() {
      Map<String, CalibratedFrom> from = new LinkedHashMap<>();
      for (String name : calibratedNames()) {
        Scenario s = load(name).orElseThrow();
        from.put(name, new CalibratedFrom(s.area(), s.baseDate().getYear(), s.horizonMonths()));
      }
      return Map.copyOf(from);
    }
  }

  /** Names of the presets made by calibration, in order. */
  public static List<String> calibratedNames() {
    return RESOURCES.entrySet().stream().filter(e -> e.getValue().startsWith("/presets/"))
        .map(Map.Entry::getKey).toList();
  }

  private Presets() {}

  /** Preset names in order. */
  public static List<String> names() {
    return List.copyOf(DESCRIPTIONS.keySet());
  }

  /** The preset's description, or {@code null} if there is none of that name (any case). */
  public static String description(String name) {
    return DESCRIPTIONS.get(canonical(name));
  }

  /** The preset's name as listed, for a name in any case ({@code Medway-2019}); or the name. */
  public static String canonical(String name) {
    for (String known : DESCRIPTIONS.keySet()) {
      if (known.equalsIgnoreCase(name)) {
        return known;
      }
    }
    return name;
  }

  /** The preset's JSON, if there is one of that name (in any case). */
  public static Optional<String> json(String name) {
    String key = canonical(name);
    if (!DESCRIPTIONS.containsKey(key)) {
      return Optional.empty();
    }
    try (InputStream in = Presets.class.getResourceAsStream(RESOURCES.get(key))) {
      if (in == null) {
        throw new IllegalStateException("preset " + name + " is missing from the build");
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The preset scenario, if there is one of that name (in any case). */
  public static Optional<Scenario> load(String name) {
    return json(name).map(ScenarioJson::read);
  }

  /** Up to three names closest to {@code name}, for "did you mean" messages. */
  public static List<String> closest(String name) {
    return Names.closest(name, DESCRIPTIONS.keySet(), 3);
  }
}
