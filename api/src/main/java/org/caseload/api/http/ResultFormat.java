package org.caseload.api.http;

import io.vertx.ext.web.MIMEHeader;
import java.util.List;
import java.util.Locale;

/**
 * Whether results go as CSV: {@code ?format=csv}, or, without {@code ?format}, an
 * {@code Accept} header that weighs {@code text/csv} above {@code application/json} (RFC 9110
 * section 12.5.1: media types in any case, each type weighed by the most specific range that
 * names it, {@code q=0} meaning "not this"). JSON on a tie, when neither is acceptable, or
 * without the header: it is the default, and {@code Accept} is honoured only for CSV. The
 * header is parsed by Vert.x ({@code RoutingContext.parsedHeaders()}), which reads a weight
 * outside 0..1 as its nearer end and one that is not a number as 1.
 *
 * @implNote Stateless.
 */
final class ResultFormat {

  private ResultFormat() {}

  static boolean csv(String format, List<MIMEHeader> accept) {
    if (format != null) {
      return format.equals("csv");
    }
    double csv = weight(accept, "text", "csv");
    return csv > 0 && csv > weight(accept, "application", "json");
  }

  /**
   * The weight {@code accept} gives {@code type/subtype}: that of the most specific range
   * matching it (exact, then {@code type/*}, then {@code * /*}), 0 when none does.
   */
  static double weight(List<MIMEHeader> accept, String type, String subtype) {
    double weight = 0;
    int specificity = -1;
    for (MIMEHeader range : accept) {
      String rangeType = range.component().toLowerCase(Locale.ROOT);
      String rangeSubtype = range.subComponent().toLowerCase(Locale.ROOT);
      int matches;
      if (rangeType.equals(type) && rangeSubtype.equals(subtype)) {
        matches = 2;
      } else if (rangeType.equals(type) && rangeSubtype.equals("*")) {
        matches = 1;
      } else if (rangeType.equals("*") && rangeSubtype.equals("*")) {
        matches = 0;
      } else {
        continue;
      }
      double q = range.weight();
      if (matches < specificity) {
        continue;
      }
      if (matches > specificity) {
        specificity = matches;
        weight = q;
      } else {
        weight = Math.max(weight, q);
      }
    }
    return weight;
  }
}
