import { Decimal } from "decimal.js";
import { ehcpTables } from "../needs";
import { defineRule, type RuleReport } from "../rule";
import { cellLocation } from "../at";
import type { LocatedRow } from "../../templates/located";
import type { CountTable, PlacementTables } from "../../templates/ehcp/ehcpModel";
import { columnTotal, countIn, exactCount } from "../../templates/ehcp/ehcpFigures";

/** A count: a double (a cell's number, or a sum of whole counts exact as a double), else a Decimal. */
type Count = number | Decimal;

/** A table's total for one year when it does not equal the sum of its rows, or its effective total. */
type TableCheck = { report: RuleReport } | { total: Count | null; row?: LocatedRow };

/** True when two counts differ by at most `allowed` (equal when nothing is allowed, the default). */
function agrees(a: Count, b: Count, allowed: Decimal | number): boolean {
  // Two doubles are equal exactly when the numbers they show are, so counts compared with no allowance
  // (the default) need no Decimal.
  if (allowed === 0 && typeof a === "number" && typeof b === "number") return a === b;
  const [x, y] = [exactCount(a), exactCount(b)];
  return allowed === 0 ? x.eq(y) : x.minus(y).abs().lte(allowed);
}

/** A table with its rows listed once, as every year column of it is checked. */
interface Table {
  readonly rows: readonly LocatedRow[];
  readonly total?: LocatedRow;
}

function tableOf(table: CountTable<string> | undefined): Table | undefined {
  return table && { rows: table.rows.map((r) => r.row), total: table.total };
}

function checkTable(
  placement: PlacementTables,
  table: Table | undefined,
  index: number,
  what: string,
  allowancePerRow: number
): TableCheck {
  if (table === undefined) return { total: null };
  const sum = columnTotal(table.rows, index);
  const cell = table.total?.cells[index];
  if (table.total === undefined || cell === undefined) return { total: sum };
  const stated = countIn(cell);
  if (sum === null || stated === null) return { total: stated ?? sum, row: table.total };
  // The per-row allowance is multiplied in decimal.js: 0.1 × 3 must allow 0.3, not 0.30000000000000004.
  const allowed = allowancePerRow === 0 ? 0 : new Decimal(allowancePerRow).times(table.rows.length);
  if (agrees(sum, stated, allowed)) return { total: stated, row: table.total };
  const year = placement.years[index].label;
  return {
    report: {
      message: `${placement.name} ${year}: the total by ${what} (${exactCount(stated).toNumber()}) does not equal the sum of its rows (${exactCount(sum).toString()}).`,
      at: cellLocation(table.total, cell),
      expected: exactCount(sum).toNumber(),
      actual: exactCount(stated).toNumber(),
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
    "For each placement type (and the local authority's tables for all placements, headed 'All placements' or not " +
    "headed at all) and census year, the total number of EHCPs by age group must equal the sum of the " +
    "age-group rows, the total by primary need must equal the sum of the need rows, and the two totals must agree, " +
    "because they count the same children. Counts are whole numbers, so no difference is allowed by default; if your " +
    "figures are rounded projections, set an allowance per row. Correct the total cell or the rows it adds up.",
  defaults: { roundingPerRow: 0 },
  needs: ehcpTables,
  confirmsLayout: true,
  check({ template, settings }) {
    const reports: RuleReport[] = [];
    for (const placement of template.ehcp?.placements ?? []) {
      const [byAge, byNeed] = [tableOf(placement.byAge), tableOf(placement.byNeed)];
      placement.years.forEach((_, index) => {
        const age = checkTable(placement, byAge, index, "age group", settings.roundingPerRow);
        const need = checkTable(placement, byNeed, index, "primary need", settings.roundingPerRow);
        if ("report" in age) reports.push(age.report);
        if ("report" in need) reports.push(need.report);
        if ("report" in age || "report" in need || age.total === null || need.total === null)
          return;
        if (agrees(age.total, need.total, settings.roundingPerRow)) return;
        const totalRow = need.row ?? age.row;
        const cell = totalRow?.cells[index];
        if (totalRow === undefined || cell === undefined) return;
        const [byAgeTotal, byNeedTotal] = [exactCount(age.total), exactCount(need.total)];
        reports.push({
          message:
            `${placement.name} ${placement.years[index].label}: the total by age group (${byAgeTotal.toString()}) ` +
            `does not equal the total by primary need (${byNeedTotal.toString()}).`,
          at: cellLocation(totalRow, cell),
          expected: byAgeTotal.toNumber(),
          actual: byNeedTotal.toNumber(),
        });
      });
    }
    return reports;
  },
});
