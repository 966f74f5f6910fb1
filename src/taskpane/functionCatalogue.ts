/**
 * The DSG functions as the Functions tab shows them: what each does in one line and an example formula
 * the user can insert into the selected cell and then point at their own ranges.
 */
export interface FunctionEntry {
  /** The id after the namespace: `CUMULATIVE` in `=DSG.CUMULATIVE(...)`. */
  readonly id: string;
  readonly signature: string;
  readonly description: string;
  readonly example: string;
}

export const FUNCTION_CATALOGUE: readonly FunctionEntry[] = [
  {
    id: "CUMULATIVE",
    signature: "DSG.CUMULATIVE(opening, in_year, [payments], [contributions], [adjustments])",
    description:
      "Rolls the cumulative deficit forward and spills each year's carried-forward balance.",
    example: "=DSG.CUMULATIVE(35.214, C10:H10, C11:H11, C12:H12)",
  },
  {
    id: "RESIDUAL",
    signature: "DSG.RESIDUAL(opening, in_year, payments, [contributions], [payment_status])",
    description:
      "The deficit left for the council after the DfE payments that will actually arrive.",
    example: "=DSG.RESIDUAL(C5, C10:H10, C11:H11)",
  },
  {
    id: "ELIGIBLE",
    signature: "DSG.ELIGIBLE(figures, [ineligible])",
    description:
      "The deficit the DfE would use for the grant: the lowest of the sources' figures less the ineligible part.",
    example: "=DSG.ELIGIBLE(C20:C25, C26)",
  },
  {
    id: "HNSG",
    signature: "DSG.HNSG(deficit, [share], [ineligible])",
    description:
      "The High Needs Stability Grant write-off: 90% of the high-needs deficit at 31 March 2026.",
    example: "=DSG.HNSG(C20, 0.9, C21)",
  },
  {
    id: "EXPOSURE",
    signature: "DSG.EXPOSURE(deficit, later_in_year, [share], [ineligible])",
    description:
      "What the council still carries when the override ends: the deficit after the grant plus later in-year deficits.",
    example: "=DSG.EXPOSURE(C20, F10:G10)",
  },
  {
    id: "CARRYCOST",
    signature: "DSG.CARRYCOST(opening, closing, rate)",
    description:
      "The cost of carrying the deficit each year: the year's rate on its average balance.",
    example: "=DSG.CARRYCOST(C5, C14:H14, 0.05)",
  },
  {
    id: "ROLLGAP",
    signature: "DSG.ROLLGAP(opening, in_year, payments, contributions, closing)",
    description:
      "For each year, how far the reported carried-forward figure is from the roll-forward.",
    example: "=DSG.ROLLGAP(C5, D10:H10, D11:H11, D12:H12, D14:H14)",
  },
  {
    id: "BALANCEYEAR",
    signature: "DSG.BALANCEYEAR(years, in_year)",
    description: "The first year from which the in-year result stays in balance or surplus.",
    example: "=DSG.BALANCEYEAR(C3:H3, C10:H10)",
  },
  {
    id: "UPLIFT",
    signature: "DSG.UPLIFT(base, rates, [periods])",
    description:
      "Grows a base amount by each rate in turn, such as 3% a year for high-needs income.",
    example: "=DSG.UPLIFT(85.6, 0.03, 5)",
  },
  {
    id: "COST",
    signature: "DSG.COST(caseload, unit_cost, [inflation])",
    description:
      "High-needs cost per year: caseload by placement type times unit cost, with inflation.",
    example: "=DSG.COST(C30:G34, B30:B34, 0.022)",
  },
  {
    id: "AYTOFY",
    signature: "DSG.AYTOFY(academic_year_values, [months_before_april])",
    description:
      "Converts academic-year amounts (September to August) into financial years (April to March).",
    example: "=DSG.AYTOFY(C40:H40)",
  },
  {
    id: "FY",
    signature: "DSG.FY(date)",
    description: "The financial-year label of a date, such as 2026-27.",
    example: "=DSG.FY(DATE(2026,11,23))",
  },
  {
    id: "TRAJECTORY",
    signature: "DSG.TRAJECTORY(start, periods, [growth], [new_plans], [ceased], [mitigation])",
    description:
      "Projects the number of EHCPs period by period from growth, new plans, ceased plans and mitigation.",
    example: "=DSG.TRAJECTORY(1576, 12, 0, 34, 10)",
  },
];
