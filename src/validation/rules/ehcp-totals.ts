import { Decimal } from "decimal.js";
import { ehcpTables } from "../needs";
import { defineRule, type RuleReport } from "../rule";
import { cellLocation, rowName } from "../at";
import type { LocatedRow } from "../../templates/located";
import type { CountTable, PlacementTables } from "../../templates/ehcp/ehcpModel";
import { columnTotal, countIn, exactCount } from "../../templates/ehcp/ehcpFigures";
import { isNilDash } from "../../templates/figures";

/** A count: a double (a cell's number, or a sum of whole counts exact as a double), else a Decimal. */
type Count = number | Decimal;

/** A table's total for one year when it does not equal the sum of its rows, or its effective total. */
type TableCheck = { report: RuleReport } | { total: Count | null; row?: LocatedRow };

/** True when two counts differ by at most `allowed` (equal when nothing is allowed, the default). */
function agrees(a: Count, b: Count, allowed: Decimal | number): boolean {
  const [x, y] = [exactCount(a), exactCount(b)];
  // Projected counts (=E5*1.045) are fractions a SUM adds in floating point: a difference within the
  // last bits of the counts is none.
  const noise = Decimal.max(x.abs(), y.abs(), 1).times(FLOAT_NOISE);
  return x.minus(y).abs().lte(Decimal.max(noise, allowed));
}

const FLOAT_NOISE = new Decimal(2).pow(-40);

/** A table with its rows listed once, as every year column of it is checked. */
interface Table {
  readonly rows: readonly LocatedRow[];
  readonly total?: LocatedRow;
  /**
   * Rows the total adds whose labels were not read, where the rows read do not add up to the total: the
   * total is then not checked against them (empty when the rows read add up, or when all were read).
   */
  readonly unread: readonly LocatedRow[];
}

/** True when a row holds text in the column ("*" for a suppressed count, "197" typed as text): bad-value says so. */
function holdsText(rows: readonly LocatedRow[], index: number): boolean {
  return rows.some((row) => {
    const value = row.cells[index]?.value;
    return typeof value === "string" && value.trim() !== "" && !isNilDash(value);
  });
}

/**
 * Whether the rows add up to the total in year column `index`; null when either is blank, or when a row
 * holds text there, so the column cannot be added up.
 */
function addsUp(
  rows: readonly LocatedRow[],
  total: LocatedRow | undefined,
  index: number,
  allowancePerRow: number
): { sum: Count; stated: Count; agree: boolean } | null {
  if (holdsText(rows, index)) return null;
  const sum = columnTotal(rows, index);
  const stated = countIn(total?.cells[index]);
  if (sum === null || stated === null) return null;
  // The per-row allowance is multiplied in decimal.js: 0.1 × 3 must allow 0.3, not 0.30000000000000004.
  const allowed = allowancePerRow === 0 ? 0 : new Decimal(allowancePerRow).times(rows.length);
  return { sum, stated, agree: agrees(sum, stated, allowed) };
}

function tableOf(
  table: CountTable<string> | undefined,
  allowancePerRow: number
): Table | undefined {
  if (table === undefined) return undefined;
  const rows = table.rows.map((r) => r.row);
  // Rows not read matter only when the rows read do not add up: "of which" lines or a nil row beside
  // the needs are not part of the total.
  const unread = table.unread ?? [];
  const explains =
    unread.length > 0 &&
    (table.total?.cells ?? []).some(
      (_, index) => addsUp(rows, table.total, index, allowancePerRow)?.agree === false
    );
  return { rows, total: table.total, unread: explains ? unread : [] };
}

/**
 * One warning for every table holding rows whose labels were not read, rather than a failed total per
 * table and year: the same unread label ("Sensory impairment") usually repeats placement after placement.
 */
function unreadRows(tables: readonly (Table | undefined)[]): RuleReport[] {
  const unread = tables.flatMap((table) => table?.unread ?? []);
  if (unread.length === 0) return [];
  const labels = [...new Set(unread.map((row) => `'${rowName(row)}'`))];
  const first = unread[0];
  const rows = unread.length === 1 ? "a row" : `${unread.length} rows`;
  return [
    {
      severity: "warning",
      message:
        `The EHCP tables have ${rows} with counts whose label was not read as an age group or primary need ` +
        `(${labels.slice(0, 5).join(", ")}${labels.length > 5 ? ", …" : ""}), and the rows that were read do not ` +
        "add up to their tables' totals, so those totals were not checked. Label each row as in the DfE template, " +
        "or by its SEN2 code.",
      at: { sheet: first.sheet, row: first.row, col: first.labelCol },
    },
  ];
}

function checkTable(
  placement: PlacementTables,
  table: Table | undefined,
  index: number,
  what: string,
  allowancePerRow: number
): TableCheck {
  if (table === undefined) return { total: null };
  const unclear = table.unread.length > 0;
  const cell = table.total?.cells[index];
  if (table.total === undefined || cell === undefined)
    return { total: unclear ? null : columnTotal(table.rows, index) };
  const stated = countIn(cell);
  const check = addsUp(table.rows, table.total, index, allowancePerRow);
  if (unclear || check === null)
    return { total: stated ?? (unclear ? null : columnTotal(table.rows, index)), row: table.total };
  const { sum, stated: total, agree } = check;
  if (agree) return { total, row: table.total };
  const year = placement.years[index].label;
  return {
    report: {
      message: `${placement.name} ${year}: the total by ${what} (${exactCount(total).toNumber()}) does not equal the sum of its rows (${exactCount(sum).toString()}).`,
      at: cellLocation(table.total, cell),
      expected: exactCount(sum).toNumber(),
      actual: exactCount(total).toNumber(),
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
    const allowance = settings.roundingPerRow;
    const placements = (template.ehcp?.placements ?? []).map((placement) => ({
      placement,
      byAge: tableOf(placement.byAge, allowance),
      byNeed: tableOf(placement.byNeed, allowance),
    }));
    const reports = unreadRows(placements.flatMap((p) => [p.byAge, p.byNeed]));
    for (const { placement, byAge, byNeed } of placements) {
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
