package org.caseload.core.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The JSON form of a scenario, documented in {@code docs/scenario-format.md}. Reading reports
 * every problem (malformed JSON, missing, unknown, mistyped, non-finite and out-of-range
 * fields) at once, each with its path; writing then reading gives an equal scenario.
 *
 * @implNote Stateless and thread-safe.
 */
public final class ScenarioJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private ScenarioJson() {}

  /** The mapper used for scenarios, shared so that other JSON follows the same rules. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * The JSON value {@code json} holds, a missing node if it holds only white space. Every reader
   * of a user's JSON goes through here: text after the value (a second object, a stray
   * {@code ]}, a word) is an error, {@link JsonSyntax#describe} says {@code unexpected text
   * after the value} and where it starts, rather than being ignored.
   *
   * @throws JsonProcessingException if it is not one JSON value
   */
  public static JsonNode readTree(String json) throws JsonProcessingException {
    try (JsonParser parser = MAPPER.createParser(json)) {
      JsonNode root = MAPPER.readTree(parser);
      if (root == null) {
        return MissingNode.getInstance();
      }
      JsonLocation end = parser.currentLocation();
      int line = end.getLineNr();
      int column = end.getColumnNr();
      for (long i = end.getCharOffset(); i < json.length(); i++) {
        char c = json.charAt((int) i);
        if (c == '\n') {
          line++;
          column = 1;
        } else if (c == ' ' || c == '\t' || c == '\r') {
          column++;
        } else {
          throw new JsonParseException(parser, JsonSyntax.TRAILING,
              new JsonLocation(ContentReference.unknown(), -1, i, line, column));
        }
      }
      return root;
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException("reading a String cannot fail", e);
    }
  }

  /**
   * Reads and validates a scenario.
   *
   * @throws InvalidScenarioException listing every problem, if there is any
   */
  public static Scenario read(String json) {
    JsonNode root;
    try {
      root = readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidScenarioException(
          List.of(Problem.of("$", "is not valid JSON: " + JsonSyntax.describe(e))));
    }
    if (root == null || root.isMissingNode()) {
      throw new InvalidScenarioException(List.of(Problem.of("$", "is empty")));
    }
    return fromTree(root);
  }

  /**
   * Reads and validates a scenario from a parsed JSON tree.
   *
   * @throws InvalidScenarioException listing every problem, if there is any
   */
  public static Scenario fromTree(JsonNode root) {
    if (!root.isObject()) {
      throw new InvalidScenarioException(List.of(
          Problem.of("$", "must be an object, was " + JsonFields.describe(root))));
    }
    Checks checks = new Checks();
    Scenario scenario = readScenario(JsonFields.of(root, "", checks), checks);
    List<Problem> problems = new ArrayList<>(checks.problems());
    // The validator sees defaults where a field or object could not be read: its problems
    // there (a NaN number, a blank name, a zero cap, a role missing from the teams) follow
    // from one already reported and would only hide it.
    for (Problem p : ScenarioValidator.problems(scenario)) {
      if (!checks.follows(p.path())) {
        problems.add(p);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidScenarioException(problems);
    }
    return scenario;
  }

  /** The JSON form, indented, with every field written out. */
  public static String write(Scenario scenario) {
    try {
      return MAPPER.writeValueAsString(toTree(scenario));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write scenario JSON", e);
    }
  }

  /** The JSON form as a tree. */
  public static ObjectNode toTree(Scenario scenario) {
    return toTree(scenario, false);
  }

  /**
   * The JSON form as a tree with every field written out, those {@link #toTree(Scenario)}
   * leaves out at their defaults included (the same scenario when read): what
   * {@link ScenarioEdits} sets fields in.
   */
  public static ObjectNode toFullTree(Scenario scenario) {
    return toTree(scenario, true);
  }

  private static ObjectNode toTree(Scenario scenario, boolean everyField) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("name", scenario.name());
    if (scenario.area() != null) {
      root.put("area", scenario.area());
    }
    root.put("baseDate", scenario.baseDate().toString());
    root.put("horizonMonths", scenario.horizonMonths());
    ArrayNode teams = root.putArray("teams");
    for (Team team : scenario.teams()) {
      ObjectNode t = teams.addObject();
      t.put("name", team.name());
      t.put("role", team.role().jsonName());
      t.put("establishment", team.establishment());
      t.put("caseHolderShare", team.caseHolderShare());
      t.put("caseloadCap", team.caseloadCap());
      t.put("hardLimit", team.hardLimit());
      ArrayNode cohorts = t.putArray("permanent");
      for (WorkerCohort cohort : team.permanent()) {
        ObjectNode c = cohorts.addObject();
        c.put("count", cohort.count());
        c.put("tenureMonths", cohort.tenureMonths());
        c.put("newlyQualified", cohort.newlyQualified());
      }
      t.put("agencyWorkers", team.agencyWorkers());
      t.put("pipeline", team.pipeline());
      if (team.hasDemandShare()) {
        t.put("demandShare", team.demandShare());
      }
      writeCounts(t.putObject("cases"), team.cases());
    }
    writeCounts(root.putObject("queues"), scenario.queues());
    ObjectNode parameters = root.putObject("parameters");
    writeDemand(parameters.putObject("demand"), scenario.parameters().demand());
    writeWorkforce(parameters.putObject("workforce"), scenario.parameters().workforce(),
        everyField);
    writeFunding(parameters.putObject("funding"), scenario.parameters().funding());
    ArrayNode levers = root.putArray("interventions");
    scenario.interventions().forEach(lever -> writeIntervention(levers.addObject(), lever));
    if (!scenario.uncertainty().isEmpty()) {
      ArrayNode uncertainty = root.putArray("uncertainty");
      for (Uncertainty u : scenario.uncertainty()) {
        ObjectNode node = uncertainty.addObject();
        node.put("parameter", u.parameter().name());
        node.put("sd", u.sd());
      }
    }
    return root;
  }

  // Reading -----------------------------------------------------------------------------

  private static Scenario readScenario(JsonFields in, Checks checks) {
    String name = in.text("name");
    String area = in.has("area") ? in.text("area") : null;
    LocalDate baseDate = date(in, "baseDate", checks);
    int horizon = in.integer("horizonMonths", null);
    List<Team> teams = new ArrayList<>();
    List<JsonNode> teamNodes = in.array("teams", true);
    for (int i = 0; i < teamNodes.size(); i++) {
      teams.add(readTeam(JsonFields.of(teamNodes.get(i), "teams[" + i + "]", checks), checks));
    }
    CaseCounts queues = readCounts(in.object("queues", false));
    Parameters parameters = readParameters(in.object("parameters", true));
    List<Intervention> interventions = new ArrayList<>();
    List<JsonNode> leverNodes = in.array("interventions", false);
    for (int i = 0; i < leverNodes.size(); i++) {
      Intervention lever = readIntervention(
          JsonFields.of(leverNodes.get(i), "interventions[" + i + "]", checks), checks);
      if (lever != null) {
        interventions.add(lever);
      }
    }
    List<Uncertainty> uncertainty = new ArrayList<>();
    List<JsonNode> uncertaintyNodes = in.array("uncertainty", false);
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

  private static Team readTeam(JsonFields in, Checks checks) {
    String name = in.text("name");
    String roleName = in.text("role");
    TeamRole role = TeamRole.fromJson(roleName);
    if (role == null) {
      if (in.has("role")) {
        checks.add(in.path("role"), "must be 'assessment' or 'longTerm', was \"" + roleName
            + "\"");
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
    List<JsonNode> cohortNodes = in.array("permanent", true);
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
      List<JsonNode> values = in.array("seasonality", false);
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
          in.number("coverShare", null), in.number("costPerYear", null),
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

  private static void writeCounts(ObjectNode out, CaseCounts counts) {
    out.put("assessment", counts.assessment());
    out.put("childProtection", counts.childProtection());
    out.put("lookedAfter", counts.lookedAfter());
    out.put("childInNeed", counts.childInNeed());
  }

  private static void writeDemand(ObjectNode out, Demand d) {
    out.put("baseMonthly", d.baseMonthly());
    out.put("annualGrowth", d.annualGrowth());
    out.put("overdispersion", d.overdispersion());
    ArrayNode season = out.putArray("seasonality");
    d.seasonality().forEach(season::add);
    out.put("nfaShare", d.nfaShare());
    out.put("notInNeedShare", d.notInNeedShare());
    out.put("reReferralShare", d.reReferralShare());
    out.put("reReferralDelayMonths", d.reReferralDelayMonths());
    out.put("childProtectionShare", d.childProtectionShare());
    out.put("lookedAfterShare", d.lookedAfterShare());
    out.put("assessmentSameMonthShare", d.assessmentSameMonthShare());
    out.put("assessmentLaterHazard", d.assessmentLaterHazard());
    out.put("childProtectionMonths", d.childProtectionMonths());
    out.put("lookedAfterMonths", d.lookedAfterMonths());
    out.put("childInNeedMonths", d.childInNeedMonths());
  }

  private static void writeWorkforce(ObjectNode out, Workforce w, boolean everyField) {
    out.put("annualTurnover", w.annualTurnover());
    out.put("earlyTenureMonths", w.earlyTenureMonths());
    out.put("earlyTenureFactor", w.earlyTenureFactor());
    out.put("laterTenureFactor", w.laterTenureFactor());
    out.put("pressureBeta", w.pressureBeta());
    out.put("caseloadReference", w.caseloadReference());
    out.put("agencyAnnualTurnover", w.agencyAnnualTurnover());
    out.put("fillProbability", w.fillProbability());
    out.put("hireDelayMonths", w.hireDelayMonths());
    out.put("nqCohortPerYear", w.nqCohortPerYear());
    out.put("nqCapShare", w.nqCapShare());
    out.put("nqProtectionLapses", w.nqProtectionLapses());
    out.put("allowOverCap", w.allowOverCap());
    out.put("absenceShare", w.absenceShare());
    out.put("agencyCoverShare", w.agencyCoverShare());
    out.put("agencyExtraFte", w.agencyExtraFte());
    out.put("agencyStartProbability", w.agencyStartProbability());
    putLimit(out, "agencyCapFte", w.agencyCapFte());
    // Written only when set (or every field is asked for), so that scenarios without them
    // keep their bytes.
    Workforce d = Workforce.defaults();
    if (everyField || w.poolAfterMonths() != d.poolAfterMonths()) {
      putLimit(out, "poolAfterMonths", w.poolAfterMonths());
    }
    if (everyField || w.pressureClosureFactor() != d.pressureClosureFactor()) {
      out.put("pressureClosureFactor", w.pressureClosureFactor());
    }
    if (everyField || w.pressureReReferralUplift() != d.pressureReReferralUplift()) {
      out.put("pressureReReferralUplift", w.pressureReReferralUplift());
    }
  }

  private static void writeFunding(ObjectNode out, Funding f) {
    out.put("permanentCostPerYear", f.permanentCostPerYear());
    out.put("agencyCostPerYear", f.agencyCostPerYear());
    out.put("recruitmentCostPerHire", f.recruitmentCostPerHire());
    out.put("annualInflation", f.annualInflation());
    putLimit(out, "agencyBudgetPerYear", f.agencyBudgetPerYear());
    out.put("establishmentGrowth", f.establishmentGrowth());
  }

  private static void writeIntervention(ObjectNode out, Intervention lever) {
    out.put("type", lever.type());
    out.put("startMonth", lever.startMonth());
    if (lever.endMonth() == null) {
      out.putNull("endMonth");
    } else {
      out.put("endMonth", lever.endMonth());
    }
    lever.accept(new InterventionFields(out));
  }

  /** Writes the fields of each kind of lever. */
  private record InterventionFields(ObjectNode out) implements Intervention.Cases<ObjectNode> {
    @Override
    public ObjectNode referralGrowth(Intervention.ReferralGrowth g) {
      return out.put("annualGrowth", g.annualGrowth());
    }

    @Override
    public ObjectNode referralShock(Intervention.ReferralShock s) {
      return out.put("multiplier", s.multiplier());
    }

    @Override
    public ObjectNode posts(Intervention.Posts p) {
      return out.put("team", p.team()).put("fte", p.fte());
    }

    @Override
    public ObjectNode fundingChange(Intervention.FundingChange f) {
      return out.put("team", f.team()).put("poundsPerYear", f.poundsPerYear());
    }

    @Override
    public ObjectNode recruitmentCampaign(Intervention.RecruitmentCampaign c) {
      out.put("fillMultiplier", c.fillMultiplier()).put("monthlyCost", c.monthlyCost());
      return c.team() == null ? out : out.put("team", c.team());
    }

    @Override
    public ObjectNode retentionPayment(Intervention.RetentionPayment r) {
      out.put("turnoverMultiplier", r.turnoverMultiplier())
          .put("annualCostPerHead", r.annualCostPerHead());
      return r.team() == null ? out : out.put("team", r.team());
    }

    @Override
    public ObjectNode agencyPolicy(Intervention.AgencyPolicy a) {
      out.put("coverShare", a.coverShare()).put("costPerYear", a.costPerYear());
      putLimit(out, "capFte", a.capFte());
      return a.team() == null ? out : out.put("team", a.team());
    }

    @Override
    public ObjectNode caseloadCap(Intervention.CaseloadCap c) {
      return out.put("team", c.team()).put("cap", c.cap()).put("hardLimit", c.hardLimit());
    }

    @Override
    public ObjectNode nqCohort(Intervention.NqCohort n) {
      return out.put("cohortPerYear", n.cohortPerYear());
    }

    @Override
    public ObjectNode frontDoor(Intervention.FrontDoor f) {
      return out.put("nfaShare", f.nfaShare());
    }
  }

  private static void putLimit(ObjectNode out, String field, double value) {
    if (value == Double.POSITIVE_INFINITY) {
      out.putNull(field);
    } else {
      out.put(field, value);
    }
  }
}
