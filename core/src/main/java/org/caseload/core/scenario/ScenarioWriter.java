package org.caseload.core.scenario;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a scenario's JSON form ({@code docs/scenario-format.md}) for {@link ScenarioJson}:
 * what {@link ScenarioReader} reads back as an equal scenario.
 *
 * @implNote Stateless and thread-safe.
 */
final class ScenarioWriter {

  private ScenarioWriter() {}

  /** The JSON form as a tree; {@code everyField} writes the fields left at their defaults too. */
  static ObjectNode toTree(Scenario scenario, boolean everyField) {
    ObjectNode root = ScenarioJson.mapper().createObjectNode();
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
      if (a.coverShare() != null) {
        out.put("coverShare", a.coverShare());
      }
      out.put("costPerYear", a.costPerYear());
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
