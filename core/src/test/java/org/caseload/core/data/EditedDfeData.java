package org.caseload.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * For tests: a copy of the shipped DfE data with cells of one council's workforce return of
 * one year replaced, as a suppressed or hand-edited figure would be.
 */
public final class EditedDfeData {

  /** The shipped data, relative to a module's folder. */
  public static final Path SHIPPED = Path.of("..", "data", "dfe");

  /** Workforce return columns (0-based, csww_indicators_2017_to_2022.csv). */
  public static final int INPOST_FTE = 10;
  public static final int AGENCY_FTE = 18;
  public static final int AGENCY_HEADCOUNT = 19;
  public static final int VACANCY_FTE = 24;

  private EditedDfeData() {}

  /**
   * Copies the shipped data into {@code folder} with {@code columns} of {@code council}'s
   * {@code year} workforce row set to {@code value}.
   *
   * @throws IllegalStateException if no such row was found (the edit would be silently lost)
   */
  public static Path workforce(Path folder, String council, int year, String value,
      int... columns) throws IOException {
    return workforce(folder, council, List.of(year), value, columns);
  }

  /** As {@link #workforce(Path, String, int, String, int...)}, for each of {@code years}. */
  public static Path workforce(Path folder, String council, List<Integer> years, String value,
      int... columns) throws IOException {
    Files.createDirectories(folder);
    int edited = 0;
    try (Stream<Path> files = Files.list(SHIPPED)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
        List<String> lines = Files.readAllLines(file);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
          boolean row = file.getFileName().toString().startsWith("csww")
              && line.matches("\\d{4},.*") && years.contains(Integer.parseInt(line.substring(0,
              4))) && line.contains("," + council + ",");
          if (row) {
            String[] cells = line.split(",", -1);
            for (int column : columns) {
              cells[column] = value;
            }
            line = String.join(",", cells);
            edited++;
          }
          out.append(line).append('\n');
        }
        Files.writeString(folder.resolve(file.getFileName()), out);
      }
    }
    if (edited != years.size()) {
      throw new IllegalStateException("expected a workforce row of " + council + " for each of "
          + years + ", found " + edited);
    }
    return folder;
  }
}
