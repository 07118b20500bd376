package org.caseload.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.RandomAccessFile;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DfeDataTest {

  static final String HEADER = "time_period,time_identifier,geographic_level,country_code,"
      + "country_name,region_code,region_name,old_la_code,new_la_code,la_name,inpost_fte,"
      + "starters_fte,leavers_fte,agency_fte,agency_cover_fte,vacancy_fte,case_holders_fte,"
      + "cases,absence_rate_fte";

  @TempDir
  Path dir;

  /** A row of {@link #HEADER}: the figures given, then the rest not published (empty). */
  static String row(int year, String code, String name, String... values) {
    String[] figures = java.util.Arrays.copyOf(values, 9);
    for (int i = values.length; i < figures.length; i++) {
      figures[i] = "";
    }
    return year + ",Reporting year,Local authority,E92000001,England,E12000008,South East,1,"
        + code + ",\"" + name + "\"," + String.join(",", figures);
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

  /**
   * A name two councils have had is the one with figures that year: Dorset was the county
   * council (E10000009) to 2018 and is the unitary council (E06000059) from 2019 (by name
   * alone Dorset 2018 had been the unitary council, which has no return that year).
   */
  @Test
  void aNameTwoCouncilsHaveHad_isTheOneWithAReturnThatYear() throws IOException {
    DfeData data = DfeData.load(Path.of("..", "data", "dfe"));
    assertThat(data.area("Dorset", 2017).code()).isEqualTo("E10000009");
    assertThat(data.area("dorset", 2018).code()).isEqualTo("E10000009");
    assertThat(data.area("Dorset", 2019).code()).isEqualTo("E06000059");
    assertThat(data.area("Dorset", 2022).code()).isEqualTo("E06000059");
    assertThat(data.area("Dorset", 2030).code()).as("no figures that year: the latest")
        .isEqualTo("E06000059");
    assertThat(data.area("E10000009", 2022).code()).as("a code is that area, any year")
        .isEqualTo("E10000009");
    assertThat(data.years(DfeTable.WORKFORCE, data.area("Dorset", 2018))).contains(2018);
    assertThat(data.area("Medway", 2018)).isEqualTo(data.area("Medway"));
  }

  /**
   * A name typed without the DfE's punctuation or its ", City of" is the council so named (a
   * planner's trial found "St Helens", "Stoke on Trent" and "Bristol" refused).
   */
  @Test
  void aNameWithoutTheDfesPunctuation_isTheCouncilSoNamed() throws IOException {
    DfeData data = DfeData.load(Path.of("..", "data", "dfe"));
    assertThat(data.area("St Helens").code()).isEqualTo("E08000013");
    assertThat(data.area("stoke on trent").code()).isEqualTo("E06000021");
    assertThat(data.area("Bristol").code()).isEqualTo("E06000023");
    assertThat(data.area("Kingston upon Hull", 2021).code()).isEqualTo("E06000010");
    assertThat(data.area("Herefordshire").code()).isEqualTo("E06000019");
    assertThat(data.area("St. Helens").code()).isEqualTo("E08000013");
    assertThatThrownBy(() -> data.area("Helens")).isInstanceOf(UnknownAreaException.class);
    assertThatThrownBy(() -> data.area("..")).isInstanceOf(UnknownAreaException.class);
    // punctuation is left out, symbols are not: an emoji after a name is no council
    assertThat(data.area("Kent!").code()).isEqualTo(data.area("Kent").code());
    assertThatThrownBy(() -> data.area("Kent\uD83D\uDE00")).isInstanceOf(UnknownAreaException.class);
    assertThatThrownBy(() -> data.area("Kent +")).isInstanceOf(UnknownAreaException.class);
  }

  /**
   * A council's initials in capitals name it where they are one council's: "BCP" had been no
   * council (a planner's trial); "BNES" is Bath and North East Somerset; initials typed in
   * small letters or too short are not read so (no three letters name two councils in the
   * shipped data; DfeData.alike names none of several by construction).
   */
  @Test
  void aCouncilsInitials_nameIt() throws IOException {
    DfeData data = DfeData.load(Path.of("..", "data", "dfe"));
    assertThat(data.area("BCP").name()).isEqualTo("Bournemouth, Christchurch and Poole");
    assertThat(data.area("BCP", 2022).name()).isEqualTo("Bournemouth, Christchurch and Poole");
    assertThat(data.area("BNES").name()).isEqualTo("Bath and North East Somerset");
    assertThatThrownBy(() -> data.area("bcp")).isInstanceOf(UnknownAreaException.class);
    assertThatThrownBy(() -> data.area("ST")).isInstanceOf(UnknownAreaException.class); // short
    assertThatThrownBy(() -> data.area("XYZ")).isInstanceOf(UnknownAreaException.class);
    assertThat(DfeData.initials("Kingston upon Hull, City of")).isEqualTo("KH");
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
    assertThatThrownBy(() -> DfeData.load(dir)).isInstanceOf(UnusableFolderException.class)
        .hasMessageContaining("holds no DfE workforce table")
        .extracting(e -> ((UnusableFolderException) e).reason())
        .isEqualTo(UnusableFolderException.Reason.NO_WORKFORCE_TABLE);
  }

  @Test
  void aFileWhereTheFolderShouldBe_isRefusedAsNotAFolder() throws IOException {
    Path file = Files.writeString(dir.resolve("x.csv"), "a,b\n1,2\n");
    assertThatThrownBy(() -> DfeData.load(file)).isInstanceOf(UnusableFolderException.class)
        .hasMessage(file + " is not a folder")
        .extracting(e -> ((UnusableFolderException) e).folder())
        .isEqualTo(file);
  }

  /** The files of the repository's data/dfe, copied to {@code dir}, so one can be added. */
  private void copyRealData() throws IOException {
    try (var files = Files.list(Path.of("..", "data", "dfe"))) {
      for (Path file : files.toList()) {
        Files.copy(file, dir.resolve(file.getFileName().toString()));
      }
    }
  }

  private void assertRefused(Path file, UnreadableFileException.Reason reason, String words) {
    assertThatThrownBy(() -> DfeData.load(dir)).isInstanceOfSatisfying(
        UnreadableFileException.class, e -> {
          assertThat(e.file()).isEqualTo(file);
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.words()).isEqualTo(words);
          assertThat(e.getMessage()).isEqualTo(file + ": " + words);
        });
  }

  @Test
  void realFiles_areWellUnderTheSizeLimit() throws IOException {
    try (var files = Files.list(Path.of("..", "data", "dfe"))) {
      for (Path file : files.toList()) {
        assertThat(Files.size(file)).as(file.toString()).isLessThan(DfeData.MAX_FILE_BYTES / 50);
      }
    }
  }

  @Test
  void fileLargerThanTheLimit_isRefusedUnread() throws IOException {
    copyRealData();
    Path huge = dir.resolve("huge.csv");
    try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
      sparse.setLength(3L << 30); // as the tester's truncate -s 3G: no disk used
    }
    assertRefused(huge, UnreadableFileException.Reason.TOO_LARGE,
        "is larger than " + (DfeData.MAX_FILE_BYTES >> 20) + " MiB");
  }

  @Test
  void linkToADevice_isNotARegularFile() throws IOException {
    copyRealData();
    Path zero = Files.createSymbolicLink(dir.resolve("zero.csv"), Path.of("/dev/zero"));
    assertRefused(zero, UnreadableFileException.Reason.NOT_A_REGULAR_FILE,
        "is not a regular file");
  }

  @Test
  void fifo_isNotARegularFile_andDoesNotHang() throws Exception {
    copyRealData();
    Path fifo = dir.resolve("fifo.csv");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertRefused(fifo,
        UnreadableFileException.Reason.NOT_A_REGULAR_FILE, "is not a regular file"));
  }

  @Test
  void folderNamedLikeACsv_isRefused() throws IOException {
    copyRealData();
    Path folder = Files.createDirectory(dir.resolve("dir.csv"));
    assertRefused(folder, UnreadableFileException.Reason.FOLDER,
        "is a folder where a CSV file was expected");
  }

  @Test
  void utf16File_isNotUtf8_namingTheByte() throws IOException {
    copyRealData();
    Path file = dir.resolve("utf16.csv");
    Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 'a', 0, ',', 0});
    assertRefused(file, UnreadableFileException.Reason.NOT_UTF8,
        "is not UTF-8 text: byte 1 (line 1) is 0xFF; it looks like UTF-16: save it as UTF-8");
  }

  @Test
  void badByteLaterInAFile_isNamedByItsPlace() throws IOException {
    Path file = dir.resolve("workforce.csv");
    byte[] head = (HEADER + "\n" + row(2020, "E1", "Aville", "100") + "\n").getBytes();
    byte[] bytes = java.util.Arrays.copyOf(head, head.length + 3);
    bytes[head.length] = 'A';
    bytes[head.length + 1] = (byte) 0xe9; // Latin-1 e-acute
    bytes[head.length + 2] = '\n';
    Files.write(file, bytes);
    assertRefused(file, UnreadableFileException.Reason.NOT_UTF8,
        "is not UTF-8 text: byte " + (head.length + 2) + " (line 3) is 0xE9");
  }

  private void assertMalformed(String body, String words) throws IOException {
    Path file = dir.resolve("workforce.csv");
    Files.writeString(file, body);
    assertThatThrownBy(() -> DfeData.load(dir))
        .isInstanceOfSatisfying(UnreadableFileException.class, e -> {
          assertThat(e.file()).isEqualTo(file);
          assertThat(e.reason()).isEqualTo(UnreadableFileException.Reason.MALFORMED);
          assertThat(e.words()).isEqualTo(words);
        });
  }

  /**
   * A row with a field more or fewer than the header is refused naming its line: a comma
   * inside a figure ("162,1" for 162.1) had shifted every later figure a column (Medway read
   * 162 in post, 22.6 agency and a caseload of 1.3, exit 0; an outside audit).
   */
  @Test
  void aRowWithAFieldMoreOrFewer_isRefusedNamingItsLine() throws IOException {
    String good = row(2020, "E1", "Aville", "100");
    assertMalformed(HEADER + "\n" + good + "\n" + good.replace(",100,", ",10,0,") + "\n",
        "line 3 has 20 fields where the header has 19: a comma inside a figure (write 1,234 as"
            + " 1234 or \"1,234\") or a field left out would put figures in other columns");
    assertMalformed(HEADER + "\n" + good.replace(",100,", ",") + "\n",
        "line 2 has 18 fields where the header has 19: a comma inside a figure (write 1,234 as"
            + " 1234 or \"1,234\") or a field left out would put figures in other columns");
    // the name and a figure quoted as one field: one fewer
    assertMalformed(HEADER + "\n" + good.replace("\"Aville\",100", "\"Aville,100\"") + "\n",
        "line 2 has 18 fields where the header has 19: a comma inside a figure (write 1,234 as"
            + " 1234 or \"1,234\") or a field left out would put figures in other columns");
    // a figure with a thousands comma, quoted, is one field and one figure
    Files.writeString(dir.resolve("workforce.csv"), HEADER + "\n"
        + good.replace(",100,", ",\"1,100\",") + "\n");
    DfeData data = DfeData.load(dir);
    assertThat(data.value(DfeTable.WORKFORCE, data.area("Aville"), 2020, "inpost_fte"))
        .isEqualTo(1100);
  }

  /** A figure that is neither a number nor a code for none is refused, not read as none. */
  @Test
  void aFigureThatIsNotANumberNorACode_isRefusedNamingLineAndColumn() throws IOException {
    for (String bad : new String[] {"NaN", "Infinity", "-Infinity", "0x10", "1_62", "12d",
        "1e999", "twelve", "1.2.3", "--1"}) {
      assertMalformed(HEADER + "\n" + row(2020, "E1", "Aville", "100", bad) + "\n",
          "line 2, column starters_fte: '" + bad + "' is not a figure: a number, or one of the"
              + " DfE's codes for a figure not published (c, x, z, u, low, k, w, :, .., -, na,"
              + " n/a, each also in brackets, or empty)");
    }
    // numbers as the DfE writes them are read, -0 as 0
    Files.writeString(dir.resolve("workforce.csv"), HEADER + "\n"
        + row(2020, "E1", "Aville", "-0", "+5", ".5", "1e2", "12.", "  7 ") + "\n");
    DfeData data = DfeData.load(dir);
    Area a = data.area("Aville");
    assertThat(Double.doubleToRawLongBits(data.value(DfeTable.WORKFORCE, a, 2020,
        "inpost_fte"))).isZero();
    assertThat(data.value(DfeTable.WORKFORCE, a, 2020, "starters_fte")).isEqualTo(5);
    assertThat(data.value(DfeTable.WORKFORCE, a, 2020, "leavers_fte")).isEqualTo(0.5);
    assertThat(data.value(DfeTable.WORKFORCE, a, 2020, "agency_fte")).isEqualTo(100);
    assertThat(data.value(DfeTable.WORKFORCE, a, 2020, "agency_cover_fte")).isEqualTo(12);
    assertThat(data.value(DfeTable.WORKFORCE, a, 2020, "vacancy_fte")).isEqualTo(7);
  }

  /**
   * A column read named twice is refused: the first had been read silently. One not read
   * (Excel's trailing empty columns, a notes column twice) is no reason to refuse the table.
   */
  @Test
  void aColumnReadNamedTwice_isRefused() throws IOException {
    assertMalformed(HEADER + ",inpost_fte\n" + row(2020, "E1", "Aville", "100") + ",5\n",
        "the header names column 'inpost_fte' twice (columns 11 and 20): which to read is not"
            + " known");
    assertMalformed(HEADER + ",la_name\n" + row(2020, "E1", "Aville", "100") + ",Bville\n",
        "the header names column 'la_name' twice (columns 10 and 20): which to read is not"
            + " known");
    Files.writeString(dir.resolve("workforce.csv"), HEADER + ",,,notes,notes\n"
        + row(2020, "E1", "Aville", "100") + ",,,a,b\n");
    DfeData data = DfeData.load(dir);
    assertThat(data.value(DfeTable.WORKFORCE, data.area("Aville"), 2020, "inpost_fte"))
        .isEqualTo(100);
  }

  /** The GSS's codes (k, w) and bracketed forms ("[c]") are figures not published. */
  @Test
  void theStatisticalServicesCodes_areNotPublished_bracketedToo() throws IOException {
    Files.writeString(dir.resolve("workforce.csv"), HEADER + "\n"
        + row(2020, "E1", "Aville", "100", "[c]", "[ z ]", "k", "[w]", "[low]", "[x]", "W")
        + "\n");
    DfeData data = DfeData.load(dir);
    Area a = data.area("Aville");
    for (String column : new String[] {"starters_fte", "leavers_fte", "agency_fte",
        "agency_cover_fte", "vacancy_fte", "case_holders_fte", "cases"}) {
      assertThat(data.value(DfeTable.WORKFORCE, a, 2020, column)).as(column).isNaN();
    }
    assertMalformed(HEADER + "\n" + row(2020, "E1", "Aville", "100", "[12]") + "\n",
        "line 2, column starters_fte: '[12]' is not a figure: a number, or one of the DfE's"
            + " codes for a figure not published (c, x, z, u, low, k, w, :, .., -, na, n/a, each"
            + " also in brackets, or empty)");
  }

  @Test
  void twoRowsOfOneAreaAndYear_withAnotherFigure_areRefusedNamingBoth() throws IOException {
    Path file = dir.resolve("workforce.csv");
    Files.writeString(file, HEADER + "\n"
        + row(2020, "E1", "Aville", "100", "5") + "\n"
        + row(2021, "E1", "Aville", "90", "5") + "\n"
        + row(2020, "E1", "Aville", "500", "5") + "\n");
    assertThatThrownBy(() -> DfeData.load(dir))
        .isInstanceOfSatisfying(UnreadableFileException.class, e -> {
          assertThat(e.file()).isEqualTo(file);
          assertThat(e.reason()).isEqualTo(UnreadableFileException.Reason.CONFLICTING_ROWS);
          assertThat(e.words()).isEqualTo("line 4 gives Aville (E1) 2020 inpost_fte 500,"
              + " line 2 100: a table has one row for an area and year; remove one");
        });
    // a suppressed figure against a published one conflicts too
    Files.writeString(file, HEADER + "\n" + row(2020, "E1", "Aville", "100") + "\n"
        + row(2020, "E1", "Aville", "x") + "\n");
    assertThatThrownBy(() -> DfeData.load(dir)).isInstanceOf(UnreadableFileException.class)
        .hasMessageEndingWith("line 3 gives Aville (E1) 2020 inpost_fte none (suppressed or"
            + " missing), line 2 100: a table has one row for an area and year; remove one");
  }

  @Test
  void aRowRepeatedAsItIs_isRead() throws IOException {
    String row = row(2020, "E1", "Aville", "100", "x", "7.5");
    Files.writeString(dir.resolve("workforce.csv"), HEADER + "\n" + row + "\n" + row + "\n");
    DfeData data = DfeData.load(dir);
    assertThat(data.value(DfeTable.WORKFORCE, data.area("Aville"), 2020, "inpost_fte"))
        .isEqualTo(100);
  }

  @Test
  void crlfLines_andAByteOrderMark_areRead() throws IOException {
    Files.writeString(dir.resolve("workforce.csv"), "\uFEFF" + HEADER + "\r\n"
        + row(2020, "E1", "Aville", "100") + "\r\n");
    DfeData data = DfeData.load(dir);
    assertThat(data.value(DfeTable.WORKFORCE, data.area("Aville"), 2020, "inpost_fte"))
        .isEqualTo(100);
  }

  @Test
  void jointReturn_isFoundByEitherCouncil_forTheYearsItCovers() throws IOException {
    DfeData data = DfeData.load(Path.of("..", "data", "dfe"));
    Area west = data.area("West Northamptonshire");
    assertThat(data.jointlyWith(DfeTable.WORKFORCE, west, 2021)).hasValueSatisfying(joint -> {
      assertThat(joint.code()).isEqualTo("E06000061 / E06000062");
      assertThat(joint.name()).isEqualTo("North Northamptonshire / West Northamptonshire");
    });
    assertThat(data.jointlyWith(DfeTable.WORKFORCE, data.area("Kingston upon Thames"), 2019))
        .map(Area::code).hasValue("E09000021 / E09000027");
    assertThat(data.jointlyWith(DfeTable.WORKFORCE, west, 2019)).isEmpty();
    assertThat(data.jointlyWith(DfeTable.WORKFORCE, data.area("Medway"), 2021)).isEmpty();
  }

  /**
   * A joint area's councils are those its code lists, found by code among the data's areas
   * (each publishes its referrals and the other tables apart); a council published on its own
   * has none.
   */
  @Test
  void jointArea_hasTheCouncilsItsCodeLists() throws IOException {
    DfeData data = DfeData.load(Path.of("..", "data", "dfe"));
    Area joint = data.area("Kingston upon Thames / Richmond upon Thames");
    assertThat(joint.memberCodes()).containsExactly("E09000021", "E09000027");
    assertThat(data.members(joint)).containsExactly(data.area("Kingston upon Thames"),
        data.area("Richmond upon Thames"));
    assertThat(data.members(data.area("North Northamptonshire / West Northamptonshire")))
        .extracting(Area::name).containsExactly("North Northamptonshire",
            "West Northamptonshire");
    assertThat(data.area("Medway").memberCodes()).isEmpty();
    assertThat(data.members(data.area("Medway"))).isEmpty();
  }
}
