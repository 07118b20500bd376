package org.caseload.sim.decide;

import java.util.Comparator;

/** What "cheapest" means in a goal-seek. */
public enum Objective {
  /** The lowest mean total cost over the horizon. */
  COST("cost", Comparator.comparingDouble(PlanEstimate::cost)),
  /** The fewest funded posts added, then the lowest cost. */
  POSTS("posts", Comparator.comparingDouble((PlanEstimate e) -> e.plan().posts())
      .thenComparingDouble(PlanEstimate::cost));

  private final String label;
  private final Comparator<PlanEstimate> order;

  Objective(String label, Comparator<PlanEstimate> order) {
    this.label = label;
    this.order = order;
  }

  /** The name on the command line and in JSON. */
  public String label() {
    return label;
  }

  /** Cheapest first; ties broken by the plans' steps so the order is total. */
  public Comparator<PlanEstimate> order() {
    return order.thenComparing(e -> e.plan().steps().toString());
  }

  /** The objective named {@code label}, or null. */
  public static Objective byLabel(String label) {
    for (Objective o : values()) {
      if (o.label.equals(label)) {
        return o;
      }
    }
    return null;
  }
}
