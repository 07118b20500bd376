package org.caseload.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.caseload.core.data.Area;
import org.caseload.core.data.DfeData;
import org.caseload.core.data.DfeTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A council area whose workforce return is published jointly (Kingston upon Thames /
 * Richmond upon Thames; North / West Northamptonshire from 2021) is calibrated from its
 * councils' own referrals, children in need, child protection and looked-after figures,
 * combined: an outside audit had found them all defaulted as "not published" (Kingston and
 * Richmond 2019: a default of 2,087 referrals for the published 2,259, and no trend). The
 * expected figures are read here from the CSV file itself, not from the code under test.
 */
class JointAreaTest {

  private static final Path DATA = Path.of("..", "data", "dfe");
  private static final Path REFERRALS_CSV =
      DATA.resolve("c1_children_in_need_referrals_and_rereferrals_2013_to_2022.csv");
  private static final String KINGSTON = "E09000021";
  private static final String RICHMOND = "E09000027";
  private static final String JOINT = "Kingston upon Thames / Richmond upon Thames";

  @TempDir
  Path dir;

  @Test
  void jointArea_readsItsCouncilsReferrals_summed() throws IOException {
    DfeData data = DfeData.load(DATA);
    double sum = cell(REFERRALS_CSV, KINGSTON, 2019, "referral_count")
        + cell(REFERRALS_CSV, RICHMOND, 2019, "referral_count");
    assertThat(sum).as("the audit's 1,227 + 1,032").isEqualTo(2259);
    Area joint = data.area(JOINT);
    assertThat(new Figures(data, joint, 2019).read(DfeTable.REFERRALS, 2019,
        "referral_count")).isEqualTo(sum);

    Calibration c = Calibrator.calibrate(data, joint, 2019, 36);
    assertThat(c.notes().get(0)).contains(String.format(Locale.ROOT,
        " %,.0f referrals in the year to 31 March 2019", sum));
    assertThat(c.notes()).contains(JOINT + ": demand figures are its two councils' summed"
        + " (Kingston upon Thames and Richmond upon Thames publish them apart; only the"
        + " workforce return is joint), percentages recomputed from the summed counts");
    assertThat(c.notes()).noneMatch(n -> n.startsWith("referrals: not published"))
        .noneMatch(n -> n.startsWith("re-referral share: not published"))
        .noneMatch(n -> n.startsWith("child protection share of new cases"))
        .anyMatch(n -> n.startsWith("referral trend: log-linear fit over 6 years"));
    assertThat(c.yearsRead()).contains(2014, 2019).allMatch(y -> y <= 2019);
    assertThat(c.scenario().parameters().demand().baseMonthly())
        .isCloseTo(sum / 12 * (1 - c.scenario().parameters().demand().reReferralShare()),
            within(1e-9));

    // the other joint area, from 2022, when its councils' own tables begin
    Area northants = data.area("North Northamptonshire / West Northamptonshire");
    assertThat(new Figures(data, northants, 2022).read(DfeTable.REFERRALS, 2022,
        "referral_count")).isEqualTo(cell(REFERRALS_CSV, "E06000061", 2022, "referral_count")
            + cell(REFERRALS_CSV, "E06000062", 2022, "referral_count"));
  }

  /**
   * A percentage is the councils' summed numerators over their summed denominators, not the
   * mean of their percentages (which would weigh the council with fewer referrals as much as
   * the other).
   */
  @Test
  void aPercentage_isRecomputedFromTheSummedCounts() throws IOException {
    DfeData data = DfeData.load(DATA);
    double rereferrals = cell(REFERRALS_CSV, KINGSTON, 2019, "rereferral_count")
        + cell(REFERRALS_CSV, RICHMOND, 2019, "rereferral_count");
    double referrals = cell(REFERRALS_CSV, KINGSTON, 2019, "referral_count")
        + cell(REFERRALS_CSV, RICHMOND, 2019, "referral_count");
    double averaged = (cell(REFERRALS_CSV, KINGSTON, 2019, "rereferral_percent")
        + cell(REFERRALS_CSV, RICHMOND, 2019, "rereferral_percent")) / 2;
    double read = new Figures(data, data.area(JOINT), 2019).read(DfeTable.REFERRALS, 2019,
        "rereferral_percent");
    assertThat(read).isCloseTo(100 * rereferrals / referrals, within(1e-9))
        .isNotCloseTo(averaged, within(0.03));
  }

  /**
   * Richmond upon Thames suppresses its no-further-action count of 2018 ('c'): the joint
   * area's is not published that year (Kingston's alone is not the area's), a note names
   * Richmond, and the share is the mean of the other history years' (2017 and 2019).
   */
  @Test
  void aFigureOneCouncilDoesNotPublish_isNotUsed_andTheNoteNamesIt() throws IOException {
    assertThat(cell(REFERRALS_CSV, RICHMOND, 2018, "no_further_action_count")).isNaN();
    assertThat(cell(REFERRALS_CSV, KINGSTON, 2018, "no_further_action_count")).isNotNaN();
    DfeData data = DfeData.load(DATA);
    Figures figures = new Figures(data, data.area(JOINT), 2019);
    assertThat(figures.read(DfeTable.REFERRALS, 2018, "no_further_action_percent")).isNaN();
    assertThat(figures.notes()).contains(JOINT + ": no_further_action_percent of 2018 not"
        + " used: Richmond upon Thames does not publish it (suppressed or missing), and"
        + " Kingston upon Thames's alone is not the area's");

    Calibration c = Calibrator.calibrate(data, data.area(JOINT), 2019, 36);
    double expected = (share(2017) + share(2019)) / 2;
    assertThat(c.scenario().parameters().demand().nfaShare()).isCloseTo(expected,
        within(1e-12));
    assertThat(c.notes()).filteredOn(n -> n.contains("no_further_action_percent of 2018"))
        .hasSize(1);
  }

  /** A council's figure no table could hold refuses its joint area, naming the council. */
  @Test
  void anImpossibleFigureOfOneCouncil_refusesTheJointArea_namingIt() throws IOException {
    Path edited = Files.createDirectory(dir.resolve("edited"));
    try (var files = Files.list(DATA)) {
      for (Path file : files.toList()) {
        Files.copy(file, edited.resolve(file.getFileName().toString()));
      }
    }
    Path c1 = edited.resolve(REFERRALS_CSV.getFileName());
    List<String> lines = new ArrayList<>(Files.readAllLines(c1));
    int changed = 0;
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).startsWith("2018,") && lines.get(i).contains("," + RICHMOND + ",")) {
        lines.set(i, lines.get(i).replaceFirst("(,Richmond upon Thames,[^,]*),[0-9]+,",
            "$1,-5,"));
        changed++;
      }
    }
    assertThat(changed).isEqualTo(1);
    Files.write(c1, lines);
    DfeData data = DfeData.load(edited);
    assertThatThrownBy(() -> Calibrator.calibrate(data, data.area(JOINT), 2019, 36))
        .isInstanceOfSatisfying(UncalibratableException.class, e -> assertThat(e.reason())
            .isEqualTo(UncalibratableException.Reason.UNUSABLE_FIGURES))
        .hasMessage(JOINT + " 2019: referral_count of Richmond upon Thames 2018 is -5 in the"
            + " data: a published figure is from 0 to 100,000,000");
  }

  /**
   * A council published on its own reads its own figures, as before: every figure of every
   * table and year the calibration may read is the data's, and no note speaks of councils
   * summed (the whole calibration of every council and year was compared byte for byte
   * before and after this rule; the commit says so).
   */
  @Test
  void aCouncilOfItsOwn_readsItsOwnFigures() throws IOException {
    DfeData data = DfeData.load(DATA);
    for (String name : List.of("Medway", "Rutland", "Kent", "Kingston upon Thames")) {
      Area council = data.area(name);
      Figures figures = new Figures(data, council, 2019);
      for (DfeTable table : DfeTable.values()) {
        for (String column : table == DfeTable.LOOKED_AFTER
            ? List.of("looked_after_at_31_march", "started_to_be_looked_after")
            : table.columns()) {
          for (int year = 2012; year <= 2019; year++) {
            assertThat(figures.read(table, year, column)).as(name + " " + column + " " + year)
                .isEqualTo(Double.valueOf(data.value(table, council, year, column)));
          }
        }
      }
      assertThat(figures.notes()).as(name).isEmpty();
    }
    for (String name : List.of("Medway", "Rutland", "Kent")) {
      assertThat(Calibrator.calibrate(data, data.area(name), 2019, 36).notes()).as(name)
          .noneMatch(n -> n.contains("summed") || n.contains("councils'"));
    }
  }

  /** The joint area's no-further-action share of {@code year}, from the file's counts. */
  private static double share(int year) throws IOException {
    return (cell(REFERRALS_CSV, KINGSTON, year, "no_further_action_count")
        + cell(REFERRALS_CSV, RICHMOND, year, "no_further_action_count"))
        / (cell(REFERRALS_CSV, KINGSTON, year, "referral_count")
        + cell(REFERRALS_CSV, RICHMOND, year, "referral_count"));
  }

  /**
   * The figure of {@code column} in the row of council {@code code} and {@code year} of a DfE
   * file, NaN when suppressed ('c', 'x'): read with a plain split, apart from the loader.
   */
  static double cell(Path csv, String code, int year, String column) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    List<String> header = List.of(lines.get(0).split(","));
    for (String line : lines) {
      String[] cells = line.split(",", -1);
      if (line.startsWith(year + ",") && cells[header.indexOf("new_la_code")].equals(code)) {
        String cell = cells[header.indexOf(column)];
        return cell.matches("[0-9.]+") ? Double.parseDouble(cell) : Double.NaN;
      }
    }
    throw new IllegalStateException("no row of " + code + " " + year + " in " + csv);
  }
}
