package org.caseload.sim.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * picocli's usage help, with lines broken at spaces only. picocli wraps text with the JDK's line
 * {@link java.text.BreakIterator}, which also breaks after a dot or a slash: an example such as
 * {@code parameters.demand.annualGrowth=0.08} came out as "...=0." and "08" on two lines, and
 * {@code ./caseload} as ". /caseload". Here a line is broken at the last space that fits; a
 * word longer than a whole line is still cut (picocli's way), as it cannot fit otherwise.
 */
public final class WordWrapHelp extends CommandLine.Help {

  WordWrapHelp(CommandSpec spec, ColorScheme scheme) {
    super(spec, scheme);
  }

  /** Makes every command under {@code line} (and itself) print its help this way. */
  public static CommandLine registerOn(CommandLine line) {
    return line.setHelpFactory(WordWrapHelp::new);
  }

  @Override
  public Layout createDefaultLayout(List<OptionSpec> options,
      List<PositionalParamSpec> positionals, ColorScheme scheme) {
    Layout layout = super.createDefaultLayout(options, positionals, scheme);
    return new Layout(scheme, wordWrapped(layout.textTable()), layout.optionRenderer(),
        layout.parameterRenderer());
  }

  @Override
  public TextTable createTextTable(Map<?, ?> map) {
    return wordWrapped(super.createTextTable(map));
  }

  /** As picocli's, in a word-wrapped table: "[--metrics=NAME,NAME...]" is never cut. */
  @Override
  protected String insertSynopsisCommandName(int headingLength, Text details) {
    CommandLine.Model.UsageMessageSpec usage = commandSpec().usageMessage();
    String name = commandSpec().qualifiedName();
    int indent = headingLength + name.length() + 1;
    if (indent > usage.synopsisAutoIndentThreshold() * usage.width()) {
      indent = usage.synopsisIndent() < 0 ? headingLength : usage.synopsisIndent();
      indent = Math.min(indent, (int) (0.9 * usage.width()));
    }
    WordWrapTable table = new WordWrapTable(colorScheme(),
        new Column(usage.width(), 0, Column.Overflow.WRAP));
    table.indentWrappedLines = indent;
    Text heading = Ansi.OFF.new Text("X".repeat(headingLength), colorScheme());
    table.addRowValues(heading.concat(colorScheme().commandText(name)).concat(details));
    return table.toString().substring(headingLength);
  }

  @Override
  public String description(Object... params) {
    return paragraphs(commandSpec().usageMessage().description(), params);
  }

  @Override
  public String header(Object... params) {
    return paragraphs(commandSpec().usageMessage().header(), params);
  }

  @Override
  public String footer(Object... params) {
    return paragraphs(commandSpec().usageMessage().footer(), params);
  }

  /** As picocli's {@code Help.join}: each value formatted and wrapped to the usage width. */
  private String paragraphs(String[] values, Object... params) {
    WordWrapTable table = new WordWrapTable(colorScheme(),
        new Column(commandSpec().usageMessage().width(), 0, Column.Overflow.WRAP));
    table.indentWrappedLines = 0;
    for (String value : values) {
      for (Text line : ansi().new Text(String.format(value, params), colorScheme()).splitLines()) {
        table.addRowValues(line);
      }
    }
    return table.toString();
  }

  private WordWrapTable wordWrapped(TextTable table) {
    WordWrapTable copy = new WordWrapTable(colorScheme(), table.columns());
    copy.indentWrappedLines = table.indentWrappedLines;
    copy.setAdjustLineBreaksForWideCJKCharacters(table.isAdjustLineBreaksForWideCJKCharacters());
    return copy;
  }

  /** A text table whose wrapping columns break lines at spaces only. */
  static final class WordWrapTable extends TextTable {

    private final ColorScheme scheme;

    WordWrapTable(ColorScheme scheme, Column... columns) {
      super(scheme, columns);
      this.scheme = scheme;
    }

    /**
     * Puts {@code value} into the column line by line, each line cut at the last space that
     * fits; each line then fits whole, so picocli's own wrapping does not cut it again (but for
     * a word longer than a line, which picocli cuts where it must).
     */
    @Override
    public Cell putValue(int row, int col, Text value) {
      Column column = columns()[col];
      if (column.overflow != Column.Overflow.WRAP || value == null) {
        return super.putValue(row, col, value);
      }
      String plain = value.plainString();
      Text indent = scheme.ansi().new Text(" ".repeat(indentWrappedLines), scheme);
      int room = column.width - column.indent;
      int start = 0;
      Cell cell = super.putValue(row, col, value.substring(0, end(plain, start, room)));
      start = next(plain, end(plain, start, room));
      room -= indentWrappedLines;
      while (start < plain.length()) {
        addEmptyRow();
        int end = end(plain, start, room);
        cell = super.putValue(cell.row + 1, col, indent.concat(value.substring(start, end)));
        start = next(plain, end);
      }
      return cell;
    }

    /**
     * Where the line from {@code start} ends: all of the rest when it fits in {@code room},
     * else at the last space that fits, else (one word longer than the line) at its end.
     */
    private static int end(String plain, int start, int room) {
      if (plain.length() - start <= room) {
        return plain.length();
      }
      int space = plain.lastIndexOf(' ', start + room);
      if (space > start) {
        return space;
      }
      space = plain.indexOf(' ', start + room);
      return space < 0 ? plain.length() : space;
    }

    /** Where the next line starts: after the spaces at {@code end}. */
    private static int next(String plain, int end) {
      while (end < plain.length() && plain.charAt(end) == ' ') {
        end++;
      }
      return end;
    }
  }
}
