import { Decimal } from "decimal.js";
import { defineRule, type RuleReport } from "../rule";
import { cellLocation } from "../at";
import type { LocatedRow } from "../../templates/located";
import type { CountTable, PlacementTables } from "../../templates/ehcp/ehcpModel";
import { sumColumn } from "../../templates/ehcp/ehcpFigures";
import { numberIn } from "../../templates/figures";

/** A table's total for one year when it does not equal the sum of its rows, or its effective total. */
type TableCheck = { report: RuleReport } | { total: Decimal | null; row?: LocatedRow };

function checkTable(
  placement: PlacementTables,
  table: CountTable<string> | undefined,
  index: number,
  what: string,
  allowancePerRow: number
): TableCheck {
  if (table === undefined) return { total: null };
  const sum = sumColumn(
    table.rows.map((r) => r.row),
    index
  );
  const cell = table.total?.cells[index];
  if (table.total === undefined || cell === undefined) return { total: sum };
  const stated = numberIn(cell);
  if (sum === null || stated === undefined) return { total: stated ?? sum, row: table.total };
  const allowed = new Decimal(allowancePerRow).times(table.rows.length);
  if (sum.minus(stated).abs().lte(allowed)) return { total: stated, row: table.total };
  const year = placement.years[index].label;
  return {
    report: {
      message: `${placement.name} ${year}: the total by ${what} (${stated.toNumber()}) does not equal the sum of its rows (${sum.toString()}).`,
      at: cellLocation(table.total, cell),
      expected: sum.toNumber(),
      actual: stated.toNumber(),
    },
  };
}

/**
 * V12: per placement and census year, each table's total equals the sum of its rows, and the total by age
 * group equals the total by primary need (the same children counted two ways).
 */
export const ehcpTotals = defineRule({
  id: "ehcp-totals",
  severity: "error",
  title: "EHCP totals add up",
  description:
    "For each placement type and census year, the total number of EHCPs by age group must equal the sum of the " +
    "age-group rows, the total by primary need must equal the sum of the need rows, and the two totals must agree, " +
    "because they count the same children. Counts are whole numbers, so no difference is allowed by default; if your " +
    "figures are rounded projections, set an allowance per row. Correct the total cell or the rows it adds up.",
  defaults: { roundingPerRow: 0 },
  check({ template, settings }) {
    const reports: RuleReport[] = [];
    for (const placement of template.ehcp?.placements ?? []) {
      placement.years.forEach((_, index) => {
        const age = checkTable(
          placement,
          placement.byAge,
          index,
          "age group",
          settings.roundingPerRow
        );
        const need = checkTable(
          placement,
          placement.byNeed,
          index,
          "primary need",
          settings.roundingPerRow
        );
        if ("report" in age) reports.push(age.report);
        if ("report" in need) reports.push(need.report);
        if ("report" in age || "report" in need || age.total === null || need.total === null)
          return;
        if (age.total.minus(need.total).abs().lte(settings.roundingPerRow)) return;
        const totalRow = need.row ?? age.row;
        const cell = totalRow?.cells[index];
        if (totalRow === undefined || cell === undefined) return;
        reports.push({
          message:
            `${placement.name} ${placement.years[index].label}: the total by age group (${age.total.toString()}) ` +
            `does not equal the total by primary need (${need.total.toString()}).`,
          at: cellLocation(totalRow, cell),
          expected: age.total.toNumber(),
          actual: need.total.toNumber(),
        });
      });
    }
    return reports;
  },
});
