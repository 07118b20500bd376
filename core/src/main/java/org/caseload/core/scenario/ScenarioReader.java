package org.caseload.core.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads a scenario's JSON form ({@code docs/scenario-format.md}) for {@link ScenarioJson},
 * every problem (missing, unknown, mistyped, non-finite and out-of-range fields) into the
 * {@link Checks} with its path, defaults where a field could not be read.
 *
 * @implNote Stateless and thread-safe.
 */
final class ScenarioReader {

  private ScenarioReader() {}

  /** The scenario of {@code in}, its problems added to {@code checks}. */
  static Scenario scenario(JsonFields in, Checks checks) {
    String name = in.text("name");
    String area = in.has("area") ? in.text("area") : null;
    LocalDate baseDate = date(in, "baseDate", checks);
    int horizon = in.integer("horizonMonths", null);
    List<Team> teams = new ArrayList<>();
    List<JsonNode> teamNodes = in.array("teams", true, ScenarioValidator.MAX_TEAMS, "items");
    for (int i = 0; i < teamNodes.size(); i++) {
      teams.add(readTeam(JsonFields.of(teamNodes.get(i), "teams[" + i + "]", checks), checks));
    }
    rolesUnread(teamNodes, checks);
    CaseCounts queues = readCounts(in.object("queues", false));
    Parameters parameters = readParameters(in.object("parameters", true));
    List<Intervention> interventions = new ArrayList<>();
    List<JsonNode> leverNodes = in.array("interventions", false,
        ScenarioValidator.MAX_INTERVENTIONS, "items");
    for (int i = 0; i < leverNodes.size(); i++) {
      Intervention lever = readIntervention(
          JsonFields.of(leverNodes.get(i), "interventions[" + i + "]", checks), checks);
      if (lever != null) {
        interventions.add(lever);
      }
    }
    List<Uncertainty> uncertainty = new ArrayList<>();
    List<JsonNode> uncertaintyNodes = in.array("uncertainty", false,
        Uncertainty.Parameter.values().length, "items (one for each parameter)");
    // The stand-in for an unknown parameter: one no entry names, so that the validator does
    // not report a known parameter after it as given twice.
    Uncertainty.Parameter placeholder = Arrays.stream(Uncertainty.Parameter.values())
        .filter(p -> uncertaintyNodes.stream().noneMatch(
            n -> p.name().equals(n.path("parameter").asText(null))))
        .findFirst().orElse(Uncertainty.Parameter.referralLevel);
    for (int i = 0; i < uncertaintyNodes.size(); i++) {
      JsonFields u = JsonFields.of(uncertaintyNodes.get(i), "uncertainty[" + i + "]", checks);
      String parameterName = u.text("parameter");
      Uncertainty.Parameter parameter = Uncertainty.Parameter.byName(parameterName);
      double sd = u.number("sd", null);
      if (parameter == null && u.has("parameter")) {
        checks.add(u.path("parameter"), "must be one of "
            + java.util.Arrays.toString(Uncertainty.Parameter.values()) + ", was \""
            + parameterName + "\"");
      }
      u.finish();
      // An unknown parameter is already a problem; keep a placeholder so that later
      // problems keep their index (sd 0: what its sd may be depends on the parameter).
      uncertainty.add(parameter == null ? new Uncertainty(placeholder, 0)
          : new Uncertainty(parameter, sd));
    }
    in.finish();
    return new Scenario(name, baseDate, horizon, teams, queues, parameters, interventions,
        uncertainty, area);
  }

  private static LocalDate date(JsonFields in, String field, Checks checks) {
    String text = in.text(field);
    if (text.isEmpty()) {
      return LocalDate.of(2000, 1, 31);
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      checks.add(in.path(field), "must be a date YYYY-MM-DD, was \"" + text + "\"");
      return LocalDate.of(2000, 1, 31);
    }
  }

  /**
   * With a role that could not be read, which teams share a role's demand is not known: the
   * sums of every team's demand shares by role follow from it.
   */
  private static void rolesUnread(List<JsonNode> teamNodes, Checks checks) {
    String unread = null;
    for (int i = 0; i < teamNodes.size() && unread == null; i++) {
      JsonNode role = teamNodes.get(i).isObject() ? teamNodes.get(i).get("role") : null;
      if (role != null && TeamRole.fromJson(role.isTextual() ? role.textValue() : null) == null) {
        unread = "teams[" + i + "].role";
      }
    }
    for (int i = 0; unread != null && i < teamNodes.size(); i++) {
      checks.knockOn("teams[" + i + "].demandShare", "give every ", unread);
      checks.knockOn("teams[" + i + "].demandShare", "the demand shares of the ", unread);
    }
  }

  private static Team readTeam(JsonFields in, Checks checks) {
    String name = in.text("name");
    String roleName = in.text("role");
    TeamRole role = TeamRole.fromJson(roleName);
    if (role == null) {
      if (in.has("role")) {
        checks.add(in.path("role"), "must be 'assessment' or 'longTerm', was \"" + roleName
            + "\"");
        // read as long-term in its place: what that says of its cases, of the teams' roles
        // and of the roles' demand shares is not the planner's (rolesUnread, below)
        checks.knockOn(in.path("cases") + ".assessment", "a long-term team holds no",
            in.path("role"));
        checks.knockOn("teams", "must include a team with role", in.path("role"));
      }
      role = TeamRole.LONG_TERM;
    }
    double establishment = in.number("establishment", null);
    double caseHolderShare = in.number("caseHolderShare", null);
    int cap = in.integer("caseloadCap", null);
    int hardLimit = in.integer("hardLimit", cap);
    if (!in.has("hardLimit")) {
      checks.defaulted(in.path("hardLimit"), in.path("caseloadCap"));
    }
    List<WorkerCohort> cohorts = new ArrayList<>();
    List<JsonNode> cohortNodes = in.array("permanent", true, ScenarioValidator.MAX_COHORTS,
        "items");
    for (int c = 0; c < cohortNodes.size(); c++) {
      JsonFields cohort = JsonFields.of(cohortNodes.get(c), in.path("permanent[" + c + "]"),
          checks);
      cohorts.add(WorkerCohort.of(cohort.integer("count", null),
          cohort.integer("tenureMonths", null), cohort.bool("newlyQualified", false)));
      cohort.finish();
    }
    int agency = in.integer("agencyWorkers", 0);
    int pipeline = in.integer("pipeline", 0);
    CaseCounts cases = readCounts(in.object("cases", false));
    double demandShare = in.has("demandShare") ? in.number("demandShare", null) : Double.NaN;
    in.finish();
    return new Team(name, role, establishment, caseHolderShare, cap, hardLimit, cohorts, agency,
        pipeline, cases, demandShare);
  }

  private static CaseCounts readCounts(JsonFields in) {
    CaseCounts counts = CaseCounts.of(in.integer("assessment", 0),
        in.integer("childProtection", 0), in.integer("lookedAfter", 0),
        in.integer("childInNeed", 0));
    in.finish();
    return counts;
  }

  private static Parameters readParameters(JsonFields in) {
    Demand demand = readDemand(in.object("demand", true));
    Workforce workforce = readWorkforce(in.object("workforce", false));
    Funding funding = readFunding(in.object("funding", false));
    in.finish();
    return new Parameters(demand, workforce, funding);
  }

  private static Demand readDemand(JsonFields in) {
    Demand d = Demand.defaults(0);
    List<Double> season = new ArrayList<>();
    if (in.has("seasonality")) {
      List<JsonNode> values = in.array("seasonality", false, 12,
          "values (January to December)");
      for (int m = 0; m < values.size(); m++) {
        JsonNode value = values.get(m);
        if (value.isNumber()) {
          season.add(value.doubleValue());
        } else {
          season.add(Double.NaN);
          in.problem("seasonality[" + m + "]", "must be a number, was "
              + JsonFields.describe(value));
        }
      }
    } else {
      season = d.seasonality();
    }
    Demand demand = Demand.builder(in.number("baseMonthly", null))
        .annualGrowth(in.number("annualGrowth", d.annualGrowth()))
        .overdispersion(in.number("overdispersion", d.overdispersion()))
        .seasonality(season)
        .nfaShare(in.number("nfaShare", d.nfaShare()))
        .notInNeedShare(in.number("notInNeedShare", d.notInNeedShare()))
        .reReferralShare(in.number("reReferralShare", d.reReferralShare()))
        .reReferralDelayMonths(in.number("reReferralDelayMonths", d.reReferralDelayMonths()))
        .childProtectionShare(in.number("childProtectionShare", d.childProtectionShare()))
        .lookedAfterShare(in.number("lookedAfterShare", d.lookedAfterShare()))
        .assessmentSameMonthShare(in.number("assessmentSameMonthShare",
            d.assessmentSameMonthShare()))
        .assessmentLaterHazard(in.number("assessmentLaterHazard", d.assessmentLaterHazard()))
        .childProtectionMonths(in.number("childProtectionMonths", d.childProtectionMonths()))
        .lookedAfterMonths(in.number("lookedAfterMonths", d.lookedAfterMonths()))
        .childInNeedMonths(in.number("childInNeedMonths", d.childInNeedMonths()))
        .build();
    in.finish();
    return demand;
  }

  private static Workforce readWorkforce(JsonFields in) {
    Workforce d = Workforce.defaults();
    Workforce workforce = Workforce.builder()
        .annualTurnover(in.number("annualTurnover", d.annualTurnover()))
        .earlyTenureMonths(in.number("earlyTenureMonths", d.earlyTenureMonths()))
        .earlyTenureFactor(in.number("earlyTenureFactor", d.earlyTenureFactor()))
        .laterTenureFactor(in.number("laterTenureFactor", d.laterTenureFactor()))
        .pressureBeta(in.number("pressureBeta", d.pressureBeta()))
        .caseloadReference(in.number("caseloadReference", d.caseloadReference()))
        .agencyAnnualTurnover(in.number("agencyAnnualTurnover", d.agencyAnnualTurnover()))
        .fillProbability(in.number("fillProbability", d.fillProbability()))
        .hireDelayMonths(in.number("hireDelayMonths", d.hireDelayMonths()))
        .nqCohortPerYear(in.number("nqCohortPerYear", d.nqCohortPerYear()))
        .nqCapShare(in.number("nqCapShare", d.nqCapShare()))
        .nqProtectionLapses(in.bool("nqProtectionLapses", d.nqProtectionLapses()))
        .allowOverCap(in.bool("allowOverCap", d.allowOverCap()))
        .absenceShare(in.number("absenceShare", d.absenceShare()))
        .agencyCoverShare(in.number("agencyCoverShare", d.agencyCoverShare()))
        .agencyExtraFte(in.number("agencyExtraFte", d.agencyExtraFte()))
        .agencyStartProbability(in.number("agencyStartProbability", d.agencyStartProbability()))
        .agencyCapFte(in.limit("agencyCapFte", d.agencyCapFte()))
        .poolAfterMonths(in.limit("poolAfterMonths", d.poolAfterMonths()))
        .pressureClosureFactor(in.number("pressureClosureFactor", d.pressureClosureFactor()))
        .pressureReReferralUplift(
            in.number("pressureReReferralUplift", d.pressureReReferralUplift()))
        .build();
    in.finish();
    return workforce;
  }

  private static Funding readFunding(JsonFields in) {
    Funding d = Funding.defaults();
    Funding funding = new Funding(
        in.number("permanentCostPerYear", d.permanentCostPerYear()),
        in.number("agencyCostPerYear", d.agencyCostPerYear()),
        in.number("recruitmentCostPerHire", d.recruitmentCostPerHire()),
        in.number("annualInflation", d.annualInflation()),
        in.limit("agencyBudgetPerYear", d.agencyBudgetPerYear()),
        in.number("establishmentGrowth", d.establishmentGrowth()));
    in.finish();
    return funding;
  }

  private static Intervention readIntervention(JsonFields in, Checks checks) {
    String type = in.text("type");
    int start = in.integer("startMonth", null);
    Integer end = in.optionalInteger("endMonth");
    Optional<Intervention.Kind> kind = Intervention.Kind.ofType(type);
    if (kind.isEmpty()) {
      if (in.has("type")) {
        checks.add(in.path("type"), "must be one of " + String.join(", ", TYPES) + ", was \""
            + type + "\"");
      }
      return null;
    }
    Intervention lever = switch (kind.get()) {
      case REFERRAL_GROWTH -> new Intervention.ReferralGrowth(start, end,
          in.number("annualGrowth", null));
      case REFERRAL_SHOCK -> new Intervention.ReferralShock(start, end,
          in.number("multiplier", null));
      case POSTS -> new Intervention.Posts(start, end, in.text("team"), in.number("fte", null));
      case FUNDING -> new Intervention.FundingChange(start, end, in.text("team"),
          in.number("poundsPerYear", null));
      case RECRUITMENT_CAMPAIGN -> new Intervention.RecruitmentCampaign(start, end,
          in.number("fillMultiplier", null), in.number("monthlyCost", 0.0),
          in.has("team") ? in.text("team") : null);
      case RETENTION_PAYMENT -> new Intervention.RetentionPayment(start, end,
          in.number("turnoverMultiplier", null), in.number("annualCostPerHead", 0.0),
          in.has("team") ? in.text("team") : null);
      case AGENCY_POLICY -> new Intervention.AgencyPolicy(start, end,
          in.optionalNumber("coverShare"), in.number("costPerYear", null),
          in.limit("capFte", Double.POSITIVE_INFINITY), in.has("team") ? in.text("team") : null);
      case CASELOAD_CAP -> {
        int cap = in.integer("cap", null);
        if (!in.has("hardLimit")) {
          checks.defaulted(in.path("hardLimit"), in.path("cap"));
        }
        yield new Intervention.CaseloadCap(start, end, in.text("team"), cap,
            in.integer("hardLimit", cap));
      }
      case NQ_COHORT -> new Intervention.NqCohort(start, end, in.number("cohortPerYear", null));
      case FRONT_DOOR -> new Intervention.FrontDoor(start, end, in.number("nfaShare", null));
    };
    in.finish();
    return lever;
  }

  private static final List<String> TYPES = Arrays.stream(Intervention.Kind.values())
      .map(Intervention.Kind::type).toList();

  // Writing -----------------------------------------------------------------------------
}
