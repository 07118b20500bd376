package org.caseload.sim.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caseload.core.data.DfeData;
import org.caseload.sim.engine.RunOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The backtest CSVs shipped in docs/backtest still reproduce: a few councils re-run with the
 * documented options (200 replications, seed 1, as {@code caseload backtest} runs them) give
 * their rows byte for byte. When the model or the summaries change, regenerate the files
 * with the commands of docs/backtest.md and update the tables there.
 */
class ShippedBacktestTest {

  private static final Path DOCS = Path.of("..", "docs", "backtest");

  @ParameterizedTest(name = "{0} from {1}")
  @CsvSource({"Medway,2019,3", "Worcestershire,2019,3", "Cornwall,2018,4", "Barnet,2018,4",
      "Kent,2020,2"})
  void rows_reproduce(String council, int baseYear, int years) throws IOException {
    DfeData data = DfeData.load(Path.of("..", "data", "dfe"));
    String code = data.area(council).code();
    Backtest.Result result = Backtest.run(data, List.of(data.area(council)), baseYear, years,
        RunOptions.builder().replications(200).seed(1).threads(2).build());
    List<String> rerun = BacktestReport.csv(result).lines().skip(1).toList();
    List<String> shipped = Files.readAllLines(DOCS.resolve("backtest-" + baseYear + ".csv"))
        .stream().filter(line -> line.contains("," + code + ",")).toList();
    assertThat(rerun).as("rerun %s from %d; regenerate docs/backtest (docs/backtest.md)",
        council, baseYear).isNotEmpty().isEqualTo(shipped);
  }
}
