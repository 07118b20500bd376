package org.caseload.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The DfE statistics of a folder. Every {@code .csv} file is read and recognised by its
 * header ({@link DfeTable}); files that are not DfE tables are skipped. Suppressed or missing
 * values ({@code x}, {@code c}, {@code z}, {@code u}, {@code low}, {@code :}, blank) are
 * missing, never zero. When two files hold the same table, a row of the file with the most
 * recent years replaces the other's (a newer release revises older figures); within one file,
 * two rows giving an area and year's figure two values are refused. Every {@code .csv}
 * entry must be a regular UTF-8 file of at most {@link #MAX_FILE_BYTES} ({@link InputFile}): a
 * folder, device, FIFO or larger file named {@code .csv} is refused, not skipped, as it is
 * surely a mistake and reading it could hang or exhaust memory.
 *
 * @implNote Immutable after loading and thread-safe.
 */
public final class DfeData {

  /**
   * Larger CSV files are refused before reading: 32 MiB, about 100 times the largest of the
   * DfE files in data/dfe (300 KB), and small enough that such a file's rows fit in the
   * command-line tool's 512 MiB heap.
   */
  public static final long MAX_FILE_BYTES = 32L << 20;

  /** Value of a missing figure. */
  public static final double MISSING = Double.NaN;

  private static final String CSV_FILE = "a CSV file";

  private final Map<String, Area> areasByCode = new LinkedHashMap<>();
  private final Map<DfeTable, Map<String, TreeMap<Integer, Map<String, Double>>>> tables =
      new EnumMap<>(DfeTable.class);
  private final List<Path> files = new ArrayList<>();

  private DfeData() {
    for (DfeTable table : DfeTable.values()) {
      tables.put(table, new HashMap<>());
    }
  }

  /**
   * Loads every DfE table in {@code folder}.
   *
   * @throws UnreadableFileException naming a {@code .csv} file that is not a regular UTF-8 file
   *     of at most {@link #MAX_FILE_BYTES}, or cannot be read
   * @throws UnusableFolderException if {@code folder} is not a folder or holds no workforce
   *     table
   * @throws IOException if the folder cannot be listed
   */
  public static DfeData load(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new UnusableFolderException(folder, UnusableFolderException.Reason.NOT_A_FOLDER,
          "is not a folder");
    }
    List<Path> csvs;
    try (Stream<Path> list = Files.list(folder)) {
      csvs = list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)
          .endsWith(".csv")).sorted().toList();
    }
    for (Path csv : csvs) {
      InputFile.check(csv, MAX_FILE_BYTES, CSV_FILE); // all refused before any is parsed
    }
    List<ParsedFile> parsed = new ArrayList<>();
    for (Path csv : csvs) {
      ParsedFile file = ParsedFile.read(csv);
      if (file != null) {
        parsed.add(file);
      }
    }
    // Oldest releases first, so the newest overwrite the rows they share.
    parsed.sort(Comparator.comparingInt(ParsedFile::maxYear)
        .thenComparing(f -> f.path().toString()));
    DfeData data = new DfeData();
    for (ParsedFile file : parsed) {
      data.add(file);
    }
    if (data.tables.get(DfeTable.WORKFORCE).isEmpty()) {
      throw new UnusableFolderException(folder, UnusableFolderException.Reason.NO_WORKFORCE_TABLE,
          "holds no DfE workforce table (a CSV with inpost_fte and vacancy_fte columns)");
    }
    return data;
  }

  private void add(ParsedFile file) {
    files.add(file.path());
    Map<String, TreeMap<Integer, Map<String, Double>>> table = tables.get(file.table());
    for (ParsedFile.Row row : file.rows()) {
      areasByCode.putIfAbsent(row.area().code(), row.area());
      table.computeIfAbsent(row.area().code(), k -> new TreeMap<>())
          .merge(row.year(), row.values(), (old, fresh) -> {
            Map<String, Double> merged = new HashMap<>(old);
            merged.putAll(fresh);
            return merged;
          });
    }
  }

  /** The files read, oldest release first. */
  public List<Path> files() {
    return List.copyOf(files);
  }

  /** Every area with figures, in the order first seen. */
  public List<Area> areas() {
    return List.copyOf(areasByCode.values());
  }

  /** Years with a row of {@code table} for {@code area}, ascending. */
  public List<Integer> years(DfeTable table, Area area) {
    TreeMap<Integer, Map<String, Double>> rows = tables.get(table).get(area.code());
    return rows == null ? List.of() : List.copyOf(rows.keySet());
  }

  /**
   * The area whose row of {@code table} for {@code year} is published for {@code area} jointly
   * with others (its code lists theirs: "E06000061 / E06000062"), if {@code area} has no row of
   * its own that year; as North and West Northamptonshire's workforce return from 2021.
   */
  public Optional<Area> jointlyWith(DfeTable table, Area area, int year) {
    if (years(table, area).contains(year)) {
      return Optional.empty();
    }
    return areasByCode.values().stream()
        .filter(joint -> joint.level() == area.level()
            && joint.memberCodes().contains(area.code()) && years(table, joint).contains(year))
        .findFirst();
  }

  /**
   * The areas that publish {@code table} jointly for {@code area} and others in some year (North
   * Northamptonshire's workforce return is "North Northamptonshire / West Northamptonshire"'s),
   * in code order; empty where none does.
   */
  public List<Area> jointAreasOf(DfeTable table, Area area) {
    return areasByCode.values().stream()
        .filter(joint -> joint.level() == area.level()
            && joint.memberCodes().contains(area.code()) && !years(table, joint).isEmpty())
        .sorted(java.util.Comparator.comparing(Area::code))
        .toList();
  }

  /**
   * The councils of a jointly published area ({@link Area#memberCodes()}), in the order its
   * code lists them; empty for an area of its own. Each publishes the tables other than the
   * joint one apart (Kingston upon Thames and Richmond upon Thames their referrals). A council
   * with no row in any table is still listed, named by its code, so that what it lacks can be
   * said.
   */
  public List<Area> members(Area joint) {
    return joint.memberCodes().stream()
        .map(code -> areasByCode.getOrDefault(code, new Area(joint.level(), code, code)))
        .toList();
  }

  /** A figure, or {@link #MISSING} if not published, suppressed or not read. */
  public double value(DfeTable table, Area area, int year, String column) {
    TreeMap<Integer, Map<String, Double>> rows = tables.get(table).get(area.code());
    if (rows == null || !rows.containsKey(year)) {
      return MISSING;
    }
    return rows.get(year).getOrDefault(column, MISSING);
  }

  /**
   * The area with this code or name (any case; "England" for the country).
   *
   * @throws UnknownAreaException naming the closest areas
   */
  public Area area(String nameOrCode) {
    String wanted = nameOrCode.trim();
    Area byCode = areasByCode.get(wanted.toUpperCase(Locale.ROOT));
    if (byCode != null) {
      return byCode;
    }
    for (Area area : areasByCode.values()) {
      if (area.name().equalsIgnoreCase(wanted)) {
        return area;
      }
    }
    List<Area> alike = alike(wanted);
    if (alike.stream().map(Area::name).distinct().count() == 1) {
      return alike.get(0);
    }
    throw new UnknownAreaException(nameOrCode, closest(wanted, 5));
  }

  /**
   * Areas whose name is {@code wanted} but for case, punctuation and a ", City of" or
   * ", County of" after it: "St Helens" is St. Helens, "Stoke on Trent" Stoke-on-Trent,
   * "Bristol" Bristol, City of (a planner's trial found each refused); failing those, for three
   * to six capitals, the areas of those initials ({@link #initials}).
   */
  private List<Area> alike(String wanted) {
    String key = plain(wanted);
    List<Area> named = key.isEmpty() ? List.of() : areasByCode.values().stream()
        .filter(area -> plain(area.name()).equals(key)).toList();
    if (!named.isEmpty() || !wanted.strip().matches("[A-Z]{3,6}")) {
      return named;
    }
    List<Area> initialled = areasByCode.values().stream()
        .filter(area -> initials(area.name()).equals(wanted.strip())).toList();
    // initials several councils share name none of them (a name two codes have had, Dorset,
    // is one council's)
    return initialled.stream().map(Area::name).distinct().count() == 1 ? initialled : List.of();
  }

  /** Words a council's initials leave out ("Bath and North East Somerset": BNES). */
  private static final java.util.Set<String> UNINITIALLED = java.util.Set.of("and", "of", "the",
      "upon", "on", "with", "city", "county");

  /**
   * A council's initials as people write them, in capitals: "Bournemouth, Christchurch and
   * Poole" is BCP (a planner's trial had found "BCP" no council); a name of three to six
   * capitals is read so where no name is written so.
   */
  static String initials(String name) {
    StringBuilder out = new StringBuilder();
    for (String word : plain(name).split(" ")) {
      if (!word.isEmpty() && !UNINITIALLED.contains(word)) {
        out.append(Character.toUpperCase(word.charAt(0)));
      }
    }
    return out.toString();
  }

  /**
   * Whether {@code typed} names the area named {@code name}, as {@link #area} reads names: in
   * any case, without punctuation or a trailing ", City of" / ", County of".
   */
  public static boolean names(String name, String typed) {
    String key = plain(typed);
    return name.equalsIgnoreCase(typed.strip()) || !key.isEmpty() && plain(name).equals(key);
  }

  /**
   * A name in lower case without punctuation or a trailing ", City of" / ", County of". Only
   * punctuation and spaces go: a symbol stays, so "Kent" with an emoji after it is no council
   * (it had been Kent, silently; an outside trial).
   */
  private static String plain(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll(",\\s*(city|county) of\\s*$", "")
        .replace("&", " and ").replaceAll("[\\p{P}\\p{Z}\\s]+", " ").trim();
  }

  /**
   * The area with this code or name, for figures of {@code year}: a name some areas have
   * shared (Dorset, the county council to 2019, E10000009, and the unitary council from 2019,
   * E06000059) is the one with a workforce return in {@code year}, else with any figures
   * that year, else the one with the latest figures; by name alone, Dorset 2018 had been the
   * unitary council, which has no return that year.
   *
   * @throws UnknownAreaException naming the closest areas
   */
  public Area area(String nameOrCode, int year) {
    String wanted = nameOrCode.trim();
    if (areasByCode.containsKey(wanted.toUpperCase(Locale.ROOT))) {
      return area(wanted);
    }
    List<Area> exact = areasByCode.values().stream()
        .filter(area -> area.name().equalsIgnoreCase(wanted)).toList();
    List<Area> named = exact.isEmpty() ? alike(wanted) : exact;
    if (named.size() <= 1) {
      return area(nameOrCode);
    }
    Comparator<Area> preferred = Comparator
        .<Area, Boolean>comparing(area -> years(DfeTable.WORKFORCE, area).contains(year))
        .thenComparing(area -> Arrays.stream(DfeTable.values())
            .anyMatch(table -> years(table, area).contains(year)))
        .thenComparing(area -> Arrays.stream(DfeTable.values())
            .flatMap(table -> years(table, area).stream()).max(Integer::compare).orElse(0));
    return named.stream().max(preferred).orElseThrow();
  }

  /** Names of the areas closest to {@code name}, by edit distance. */
  public List<String> closest(String name, int count) {
    return Names.closest(name, areasByCode.values().stream().map(Area::name).toList(), count);
  }

  /** One file's rows of one table. */
  private record ParsedFile(Path path, DfeTable table, List<Row> rows, int maxYear) {

    record Row(Area area, int year, Map<String, Double> values) {}

    static ParsedFile read(Path path) throws IOException {
      try (InputFile in = InputFile.lines(path, MAX_FILE_BYTES, CSV_FILE)) {
        String headerLine = in.readLine();
        if (headerLine == null) {
          return null;
        }
        List<String> header = Text.splitCsv(headerLine.replace("\uFEFF", ""));
        DfeTable table = DfeTable.recognise(header);
        if (table == null || !header.contains("time_period")
            || !header.contains("geographic_level")) {
          return null;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
          Integer earlier = index.putIfAbsent(header.get(i), i);
          // only a column read matters: Excel's trailing empty columns, or a notes column
          // twice, are no reason to refuse a table
          if (earlier != null && read(table, header.get(i))) {
            throw new UnreadableFileException(path, UnreadableFileException.Reason.MALFORMED,
                "the header names column " + Text.shown(header.get(i)) + " twice (columns "
                + (earlier + 1) + " and " + (i + 1) + "): which to read is not known");
          }
        }
        List<Row> rows = new ArrayList<>();
        // each area and year's figures with the line that gave them: a second row that gives
        // one of them another value is refused (the later had silently replaced the earlier)
        Map<String, Map<String, double[]>> seen = new HashMap<>();
        int maxYear = Integer.MIN_VALUE;
        int lineNumber = 1;
        String line;
        while ((line = in.readLine()) != null) {
          lineNumber++;
          if (line.isBlank()) {
            continue;
          }
          List<String> cells = Text.splitCsv(line);
          // a field more or fewer shifts every figure after it into another column's place
          // (Medway's "162,1" in post had read 162 in post and 1 starter, and so on): refused
          if (cells.size() != header.size()) {
            throw new UnreadableFileException(path, UnreadableFileException.Reason.MALFORMED,
                "line " + lineNumber + " has " + cells.size() + " fields where the header has "
                + header.size() + ": a comma inside a figure (write 1,234 as 1234 or \"1,234\")"
                + " or a field left out would put figures in other columns");
          }
          Row row;
          try {
            row = row(table, index, cells);
          } catch (NotAFigureException e) {
            throw new UnreadableFileException(path, UnreadableFileException.Reason.MALFORMED,
                "line " + lineNumber + ", column " + e.column + ": " + Text.shown(e.cell)
                + " is not a figure: a number, or one of the DfE's codes for a figure not"
                + " published (" + Text.MISSING_CODES_SHOWN + ")");
          }
          if (row != null) {
            Map<String, double[]> figures = seen.computeIfAbsent(
                row.area().code() + "|" + row.year(), k -> new HashMap<>());
            for (Map.Entry<String, Double> figure : row.values().entrySet()) {
              double[] earlier = figures.putIfAbsent(figure.getKey(),
                  new double[] {figure.getValue(), lineNumber});
              if (earlier != null && Double.compare(earlier[0], figure.getValue()) != 0) {
                throw new UnreadableFileException(path,
                    UnreadableFileException.Reason.CONFLICTING_ROWS, "line " + lineNumber
                    + " gives " + row.area().name() + " (" + row.area().code() + ") "
                    + row.year() + " " + figure.getKey() + " " + shown(figure.getValue())
                    + ", line " + (int) earlier[1] + " " + shown(earlier[0])
                    + ": a table has one row for an area and year; remove one");
              }
            }
            rows.add(row);
            maxYear = Math.max(maxYear, row.year());
          }
        }
        return new ParsedFile(path, table, rows, maxYear);
      }
    }

    /** Whether the reader reads {@code column} of {@code table}: a figure or what names a row. */
    private static boolean read(DfeTable table, String column) {
      return table.columns().contains(column) || NAMING_COLUMNS.contains(column);
    }

    /** The columns that say which area, year and row a figure is of. */
    private static final java.util.Set<String> NAMING_COLUMNS = java.util.Set.of("time_period",
        "geographic_level", "country_code", "country_name", "region_code", "region_name",
        "new_la_code", "la_name", "age_group", "population_type", "children_count");

    private static String shown(double value) {
      return Double.isNaN(value) ? "none (suppressed or missing)"
          : value == Math.rint(value) && Math.abs(value) < 1e15
              ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static Row row(DfeTable table, Map<String, Integer> index, List<String> cells) {
      Integer year = Text.year(cell(cells, index, "time_period"));
      Area area = area(cells, index);
      if (year == null || area == null) {
        return null;
      }
      if (table == DfeTable.POPULATION
          && !"Children aged 0 to 17 years".equals(cell(cells, index, "age_group"))) {
        return null;
      }
      Map<String, Double> values = new HashMap<>();
      if (table == DfeTable.LOOKED_AFTER) {
        String type = cell(cells, index, "population_type");
        String column = type == null ? null
            : type.startsWith("Children looked after on 31 March") ? "looked_after_at_31_march"
            : type.startsWith("Children starting") ? "started_to_be_looked_after"
            : type.startsWith("Children ceasing") ? "ceased_to_be_looked_after" : null;
        if (column == null) {
          return null;
        }
        values.put(column, figure(cells, index, "children_count"));
      } else {
        for (String column : table.columns()) {
          if (index.containsKey(column)) {
            values.put(column, figure(cells, index, column));
          }
        }
      }
      return new Row(area, year, values);
    }

    /** The figure in {@code column}: NaN where not published. */
    private static double figure(List<String> cells, Map<String, Integer> index, String column) {
      String cell = cell(cells, index, column);
      double value = Text.number(cell);
      if (Double.isNaN(value) && !Text.notPublished(cell)) {
        throw new NotAFigureException(column, cell);
      }
      return value;
    }

    /** A cell of a figure's column that is neither a number nor a code for none. */
    private static final class NotAFigureException extends RuntimeException {
      private static final long serialVersionUID = 1L;
      final String column;
      final String cell;

      NotAFigureException(String column, String cell) {
        super(null, null, false, false);
        this.column = column;
        this.cell = cell;
      }
    }

    private static Area area(List<String> cells, Map<String, Integer> index) {
      String level = cell(cells, index, "geographic_level");
      if (level == null) {
        return null;
      }
      switch (level) {
        case "National":
          return new Area(Area.Level.NATIONAL, nonNull(cell(cells, index, "country_code")),
              nonNull(cell(cells, index, "country_name")));
        case "Regional":
          return new Area(Area.Level.REGIONAL, nonNull(cell(cells, index, "region_code")),
              nonNull(cell(cells, index, "region_name")));
        case "Local authority":
          String code = cell(cells, index, "new_la_code");
          String name = cell(cells, index, "la_name");
          return code == null || name == null || code.isBlank() ? null
              : new Area(Area.Level.LOCAL_AUTHORITY, code, name);
        default:
          return null;
      }
    }

    private static String nonNull(String s) {
      return s == null ? "" : s;
    }

    private static String cell(List<String> cells, Map<String, Integer> index, String column) {
      Integer i = index.get(column);
      return i == null || i >= cells.size() ? null : cells.get(i);
    }
  }
}
