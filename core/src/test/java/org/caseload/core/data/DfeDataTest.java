package org.caseload.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DfeDataTest {

  static final String HEADER = "time_period,time_identifier,geographic_level,country_code,"
      + "country_name,region_code,region_name,old_la_code,new_la_code,la_name,inpost_fte,"
      + "starters_fte,leavers_fte,agency_fte,agency_cover_fte,vacancy_fte,case_holders_fte,"
      + "cases,absence_rate_fte";

  @TempDir
  Path dir;

  static String row(int year, String code, String name, String... values) {
    return year + ",Reporting year,Local authority,E92000001,England,E12000008,South East,1,"
        + code + ",\"" + name + "\"," + String.join(",", values);
  }

  @Test
  void realData_loadsEveryTable_andFindsCouncils() throws IOException {
    DfeData data = DfeData.load(Path.of("..", "data", "dfe"));
    Area medway = data.area("MEDWAY");
    assertThat(medway.code()).isEqualTo("E06000035");
    assertThat(data.area("E06000035")).isEqualTo(medway);
    assertThat(data.area("england").level()).isEqualTo(Area.Level.NATIONAL);
    assertThat(data.area("South East").level()).isEqualTo(Area.Level.REGIONAL);
    assertThat(data.value(DfeTable.WORKFORCE, medway, 2017, "vacancy_fte")).isEqualTo(69.3);
    assertThat(data.value(DfeTable.REFERRALS, medway, 2019, "referral_count")).isEqualTo(4025);
    assertThat(data.value(DfeTable.PROTECTION_AT_31_MARCH, medway, 2019, "CPP_At31"))
        .isEqualTo(355);
    assertThat(data.value(DfeTable.LOOKED_AFTER, medway, 2021, "looked_after_at_31_march"))
        .isEqualTo(440);
    assertThat(data.years(DfeTable.WORKFORCE, medway)).containsExactly(2017, 2018, 2019, 2020,
        2021, 2022);
    assertThat(data.area("Kingston upon Hull, City of").name())
        .isEqualTo("Kingston upon Hull, City of");
  }

  @Test
  void suppressedValues_areMissingNotZero() throws IOException {
    Files.writeString(dir.resolve("workforce.csv"), HEADER + "\n"
        + row(2020, "E1", "Aville", "100", "x", "c", "z", "low", "", "u", ":", "3.1") + "\n");
    DfeData data = DfeData.load(dir);
    Area a = data.area("Aville");
    assertThat(data.value(DfeTable.WORKFORCE, a, 2020, "inpost_fte")).isEqualTo(100);
    for (String column : new String[] {"starters_fte", "leavers_fte", "agency_fte",
        "agency_cover_fte", "vacancy_fte", "case_holders_fte", "cases"}) {
      assertThat(data.value(DfeTable.WORKFORCE, a, 2020, column)).as(column).isNaN();
    }
    assertThat(data.value(DfeTable.WORKFORCE, a, 2021, "inpost_fte")).isNaN();
  }

  @Test
  void newerRelease_withExtraYearsAndColumns_isFoundByHeader_andRevisesOlderRows()
      throws IOException {
    Files.writeString(dir.resolve("a_old_release.csv"), HEADER + "\n"
        + row(2021, "E1", "Aville", "100", "10", "9", "5", "5", "20", "70", "1400", "3") + "\n");
    // A newer release: columns reordered, an extra column, one more year, a revised 2021.
    String newer = "la_name,new_la_code,time_period,extra_column,geographic_level,vacancy_fte,"
        + "inpost_fte,agency_fte\n"
        + "Aville,E1,2021,foo,Local authority,22,101,6\n"
        + "Aville,E1,2023,bar,Local authority,25,110,7\n";
    Files.writeString(dir.resolve("zz_renamed_2023_release.csv"), newer);
    Files.writeString(dir.resolve("notes.csv"), "something,else\n1,2\n");
    DfeData data = DfeData.load(dir);
    Area a = data.area("aville");
    assertThat(data.years(DfeTable.WORKFORCE, a)).containsExactly(2021, 2023);
    assertThat(data.value(DfeTable.WORKFORCE, a, 2021, "inpost_fte")).isEqualTo(101);
    assertThat(data.value(DfeTable.WORKFORCE, a, 2021, "cases")).isEqualTo(1400);
    assertThat(data.value(DfeTable.WORKFORCE, a, 2023, "vacancy_fte")).isEqualTo(25);
    assertThat(data.files()).hasSize(2);
  }

  @Test
  void unknownCouncil_listsTheClosestNames() throws IOException {
    DfeData data = DfeData.load(Path.of("..", "data", "dfe"));
    assertThatThrownBy(() -> data.area("Medwey"))
        .isInstanceOf(UnknownAreaException.class)
        .hasMessageStartingWith("no council, region or country called 'Medwey'; closest: Medway");
  }

  @Test
  void folderWithoutWorkforceTable_isRefused() throws IOException {
    Files.writeString(dir.resolve("x.csv"), "a,b\n1,2\n");
    assertThatThrownBy(() -> DfeData.load(dir)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holds no DfE workforce table");
  }
}
