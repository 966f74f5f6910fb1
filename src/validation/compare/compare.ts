/**
 * Two versions of a plan compared in DSG terms: the rows of each located template matched by what they
 * mean (not by cell address), and each figure that moved reported by row and year, with the carried-forward
 * and in-year changes explained by the rows they are made of. Pure: no Office, no files. Money is exact
 * (decimal.js) and written as the findings write it.
 */
import { Decimal } from "decimal.js";
import type { LocatedTemplate, MoneyUnit } from "../../templates/located";
import { a1 } from "../../workbook/address";
import { isCellError } from "../../workbook/workbook";
import { isNilDash } from "../../templates/figures";
import { formatMoney } from "../money";
import { templateSeries, type Section, type Series, type SeriesCell } from "./series";
import type { Workbook } from "../../workbook/workbook";
import { locateTemplate } from "../../templates/locate";

/** One figure that differs between the versions (the JSON's `changes`). */
export interface Change {
  readonly section: Section;
  readonly row: string;
  /** The year the figure is under ("2026-27", a census year "2027"), empty for a single figure. */
  readonly year: string;
  /** Where the figure is in the newer version (in the older one when the newer no longer has it). */
  readonly sheet: string;
  readonly address: string;
  /**
   * The figures in the newer version's money unit with deficits positive (so versions in £000 and £m, or
   * with deficits shown negative, compare); text as written; null where the version has no such figure.
   */
  readonly before: number | string | null;
  readonly after: number | string | null;
  /** after − before, when both are numbers. */
  readonly difference: number | null;
}

/** A sentence of the report, under its section ("Years" for years added or removed). */
export interface ReportLine {
  readonly section: Section | "Years";
  readonly text: string;
}

export interface Comparison {
  /** The newer version's unit, in which every figure is given. */
  readonly unit: MoneyUnit;
  readonly yearsAdded: readonly string[];
  readonly yearsRemoved: readonly string[];
  readonly changes: readonly Change[];
  readonly lines: readonly ReportLine[];
  /** A paragraph a schools forum paper could quote. */
  readonly summary: string;
}

type Value = Decimal | string | null;

/** One row of both versions, its figures by year as compared values. */
interface Pair {
  readonly key: string;
  readonly older?: Series;
  readonly newer?: Series;
  readonly before: ReadonlyMap<string, Value>;
  readonly after: ReadonlyMap<string, Value>;
  readonly beforeCells: ReadonlyMap<string, SeriesCell>;
  readonly afterCells: ReadonlyMap<string, SeriesCell>;
  readonly decimals: number;
}

const MINUS = "\u2212";

/**
 * A cell's figure as compared: a number scaled to the newer unit and with deficits positive; blank or a
 * dash as 0 (an optional row left empty); other text and error values as written.
 */
function valueOf(series: Series, cell: SeriesCell["cell"], scale: Decimal, negate: boolean): Value {
  const value = cell.value;
  if (series.kind === "text")
    return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
  if (typeof value === "number" && Number.isFinite(value)) {
    const figure = new Decimal(value);
    if (series.kind === "count") return figure;
    const scaled = figure.times(scale);
    return series.deficit && negate ? scaled.negated() : scaled;
  }
  if (value === null || isNilDash(value) || (typeof value === "string" && value.trim() === ""))
    return new Decimal(0);
  if (isCellError(value)) return value.error;
  return String(value).trim();
}

function valuesOf(
  series: Series | undefined,
  scale: Decimal,
  negate: boolean
): [Map<string, Value>, Map<string, SeriesCell>] {
  const values = new Map<string, Value>();
  const cells = new Map<string, SeriesCell>();
  for (const cell of series?.cells ?? []) {
    values.set(cell.year, valueOf(series!, cell.cell, scale, negate));
    cells.set(cell.year, cell);
  }
  return [values, cells];
}

const isNumber = (value: Value | undefined): value is Decimal => value instanceof Decimal;
const isZero = (value: Value | undefined) => isNumber(value) && value.isZero();

function same(a: Value | undefined, b: Value | undefined): boolean {
  if (isNumber(a) && isNumber(b)) return a.eq(b);
  return (a ?? null) === (b ?? null);
}

/** Years in the newer version's order, then any only the older one has, in its order. */
function unionYears(
  before: ReadonlyMap<string, Value>,
  after: ReadonlyMap<string, Value>
): string[] {
  return [...new Set([...after.keys(), ...before.keys()])];
}

/** Pairs each row of the newer version with the row of the older one that means the same. */
function pairRows(older: LocatedTemplate, newer: LocatedTemplate): Pair[] {
  const scale = new Decimal(older.unit.pounds).dividedBy(newer.unit.pounds);
  const olderSeries = templateSeries(older);
  const newerSeries = templateSeries(newer);
  const byKey = new Map(olderSeries.map((series) => [series.key, series]));
  const newerKeys = new Set(newerSeries.map((series) => series.key));
  const make = (key: string, a: Series | undefined, b: Series | undefined): Pair => {
    const [before, beforeCells] = valuesOf(a, scale, older.sign === "deficit-negative");
    const [after, afterCells] = valuesOf(b, new Decimal(1), newer.sign === "deficit-negative");
    const decimals = Math.max(
      0,
      ...[...(a?.cells ?? []), ...(b?.cells ?? [])].map(({ cell }) => cell.decimals)
    );
    return { key, older: a, newer: b, before, after, beforeCells, afterCells, decimals };
  };
  const pairs = newerSeries.map((series) => make(series.key, byKey.get(series.key), series));
  // Rows only the older version has go after the last row of their section.
  for (const series of olderSeries.filter((s) => !newerKeys.has(s.key))) {
    const last = pairs.map((p) => (p.newer ?? p.older)!.section).lastIndexOf(series.section);
    pairs.splice(last < 0 ? pairs.length : last + 1, 0, make(series.key, series, undefined));
  }
  return pairs;
}

const seriesOf = (pair: Pair) => (pair.newer ?? pair.older)!;

function asJson(value: Value | undefined): number | string | null {
  if (value === undefined || value === null) return null;
  return isNumber(value) ? value.toNumber() : value;
}

function pairChanges(pair: Pair): Change[] {
  const series = seriesOf(pair);
  const changes: Change[] = [];
  for (const year of unionYears(pair.before, pair.after)) {
    const before = pair.before.get(year);
    const after = pair.after.get(year);
    if (same(before, after)) continue;
    // A row or year one version has and the other does not: only its figures that say something.
    if (
      (before === undefined && (after === null || isZero(after))) ||
      (after === undefined && (before === null || isZero(before)))
    )
      continue;
    const at = pair.afterCells.get(year) ?? pair.beforeCells.get(year)!;
    const sheet = (pair.afterCells.has(year) ? pair.newer : pair.older)!.sheet;
    changes.push({
      section: series.section,
      row: series.row,
      year,
      sheet,
      address: a1(at.cell.row, at.cell.col),
      before: asJson(before),
      after: asJson(after),
      difference: isNumber(before) && isNumber(after) ? after.minus(before).toNumber() : null,
    });
  }
  return changes;
}

/** Writes figures of one comparison: money in the newer unit, counts as whole numbers. */
class Writer {
  constructor(private readonly unit: MoneyUnit) {}

  /** `decimals`: at least the row's shown decimals; more so a small change's before and after differ. */
  amount(value: Value | undefined, pair: Pair, decimals = pair.decimals): string {
    if (value === undefined || value === null) return "blank";
    if (!isNumber(value)) return `'${value}'`;
    if (seriesOf(pair).kind === "count") return grouped(value);
    return formatMoney(value, this.unit, decimals).replace("-", MINUS);
  }

  /** "£34.509m to £34.5094m" would hide a change of £0.0004m: both to the decimals the change needs. */
  fromTo(before: Value | undefined, after: Value | undefined, pair: Pair): string {
    let decimals = pair.decimals;
    if (isNumber(before) && isNumber(after) && !before.eq(after))
      while (decimals < 10 && before.toFixed(decimals) === after.toFixed(decimals)) decimals++;
    return `${this.amount(before, pair, decimals)} to ${this.amount(after, pair, decimals)}`;
  }

  signed(value: Decimal, pair: Pair): string {
    if (value.isZero()) return this.amount(value, pair);
    const sign = value.isNegative() ? MINUS : "+";
    return `${sign}${this.amount(value.abs(), pair)}`;
  }
}

function grouped(value: Decimal): string {
  const [whole, fraction] = value.toFixed().replace("-", MINUS).split(".");
  const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? withCommas : `${withCommas}.${fraction}`;
}

function difference(pair: Pair, year: string): Decimal | undefined {
  const before = pair.before.get(year);
  const after = pair.after.get(year);
  return isNumber(before) && isNumber(after) && !before.eq(after) ? after.minus(before) : undefined;
}

/** "up £4.200m, from £99.198m to £103.398m", "unchanged at £99.198m". */
function movement(write: Writer, pair: Pair, year: string): string {
  const before = pair.before.get(year);
  const after = pair.after.get(year);
  const change = difference(pair, year);
  if (change === undefined)
    return same(before, after)
      ? `unchanged at ${write.amount(after, pair)}`
      : write.fromTo(before, after, pair);
  const direction = change.isNegative() ? "down" : "up";
  return `${direction} ${write.amount(change.abs(), pair)}, from ${write.fromTo(before, after, pair)}`;
}

/** How a movement of the roll-forward is named in an explanation ("in-year +£5.100m"). */
const PART_NAMES: Readonly<Record<string, string>> = {
  "endOfYear.broughtForward": "brought forward",
  "endOfYear.inYear": "in-year",
  "endOfYear.dfePayments": "Safety Valve",
  "endOfYear.laContribution": "council contribution",
  "endOfYear.adjustments": "adjustments",
};

function partName(pair: Pair): string {
  return PART_NAMES[pair.key] ?? seriesOf(pair).row.toLowerCase();
}

/** "in-year +£5.100m, Safety Valve −£0.900m": the parts that moved, and what they leave unexplained. */
function explained(
  write: Writer,
  total: Pair,
  year: string,
  parts: readonly Pair[],
  name = partName
): string {
  const moved = parts.flatMap((part) => {
    const change = difference(part, year);
    return change ? [{ part, change }] : [];
  });
  const texts = moved.map(({ part, change }) => `${name(part)} ${write.signed(change, part)}`);
  const change = difference(total, year) ?? new Decimal(0);
  const rest = moved.reduce((left, { change: c }) => left.minus(c), change);
  if (moved.length > 0 && !rest.isZero())
    texts.push(`not explained by these rows ${write.signed(rest, total)}`);
  return texts.join(", ");
}

function endOfYearLines(
  write: Writer,
  pairs: readonly Pair[],
  common: readonly string[]
): string[] {
  const find = (key: string) => pairs.find((p) => p.key === key);
  const carried = find("endOfYear.carriedForward");
  const inYear = find("endOfYear.inYear");
  const movements = pairs.filter(
    (p) => p.key.startsWith("endOfYear.") && p.key !== "endOfYear.carriedForward"
  );
  const blocks = pairs.filter((p) => /^block\.[a-z-]+\.inYear$/.test(p.key));
  const lines: string[] = [];
  for (const year of common) {
    if (carried && movements.some((p) => difference(p, year))) {
      const why = explained(write, carried, year, movements);
      lines.push(
        `${year} carried forward ${movement(write, carried, year)}${why ? `: ${why}` : ""}`
      );
    } else if (carried && difference(carried, year)) {
      lines.push(`${year} carried forward ${movement(write, carried, year)}`);
    }
    if (inYear && difference(inYear, year)) {
      const why = explained(write, inYear, year, blocks, (p) =>
        seriesOf(p).row.replace(/:.*$/, "")
      );
      lines.push(
        `${year} in-year deficit ${movement(write, inYear, year)}${why ? `: ${why}` : ""}`
      );
    }
  }
  return lines;
}

/** "2026-27 +£0.500m (£12.000m to £12.500m); 2027-28 …" for the years both versions have. */
function yearChanges(write: Writer, pair: Pair, common: readonly string[]): string {
  return common
    .flatMap((year) => {
      const before = pair.before.get(year);
      const after = pair.after.get(year);
      if (same(before, after)) return [];
      const change = difference(pair, year);
      const label = year === "" ? "" : `${year} `;
      return change
        ? [`${label}${write.signed(change, pair)} (${write.fromTo(before, after, pair)})`]
        : [`${label}${write.fromTo(before, after, pair)}`];
    })
    .join("; ");
}

/** The figures of a row one version has alone: "£0.500m in 2026-27, £1.000m in 2027-28". */
function figuresOf(write: Writer, pair: Pair, values: ReadonlyMap<string, Value>): string {
  const shown = [...values].filter(([, value]) => value !== null && !isZero(value));
  if (shown.length === 0) return "no figures";
  return shown
    .map(([year, value]) => `${write.amount(value, pair)}${year ? ` in ${year}` : ""}`)
    .join(", ");
}

function total(values: ReadonlyMap<string, Value>, years: readonly string[]): Decimal {
  return years.reduce((sum, year) => {
    const value = values.get(year);
    return isNumber(value) ? sum.plus(value) : sum;
  }, new Decimal(0));
}

/** The shift (1: a year later, −1: a year earlier) that turns the older savings into the newer, if one does. */
function shiftOf(pair: Pair, years: readonly string[]): number | undefined {
  const at = (values: ReadonlyMap<string, Value>, i: number) => {
    const value = values.get(years[i]);
    return isNumber(value) ? value : new Decimal(0);
  };
  for (const shift of [1, -1]) {
    let moved = true;
    for (let i = 0; i < years.length && moved; i++) {
      const from = i - shift;
      const before = from >= 0 && from < years.length ? at(pair.before, from) : new Decimal(0);
      moved = at(pair.after, i).eq(before);
    }
    if (moved) return shift;
  }
  return undefined;
}

/** What happened to a mitigation between the versions, as the summary counts it. */
type MitigationChange = "added" | "removed" | "moved a year" | "re-profiled" | "changed in total";

function mitigationChange(pair: Pair, years: readonly string[]): MitigationChange | undefined {
  if (!pair.older) return "added";
  if (!pair.newer) return "removed";
  if (years.every((year) => same(pair.before.get(year), pair.after.get(year)))) return undefined;
  if (shiftOf(pair, years) !== undefined) return "moved a year";
  return total(pair.before, years).eq(total(pair.after, years))
    ? "re-profiled"
    : "changed in total";
}

function mitigationLine(write: Writer, pair: Pair, years: readonly string[]): string | undefined {
  const name = seriesOf(pair).row;
  const change = mitigationChange(pair, years);
  if (change === undefined) return undefined;
  if (change === "added") return `${name} added: ${figuresOf(write, pair, pair.after)}`;
  if (change === "removed")
    return `${name} removed: it showed ${figuresOf(write, pair, pair.before)}`;
  const changed = yearChanges(write, pair, years);
  const before = total(pair.before, years);
  const after = total(pair.after, years);
  if (change === "moved a year")
    return `${name} moved a year ${shiftOf(pair, years)! > 0 ? "later" : "earlier"}: ${changed}`;
  if (change === "re-profiled")
    return `${name} re-profiled, the same ${write.amount(after, pair)} over the plan: ${changed}`;
  return `${name} ${after.gt(before) ? "up" : "down"} ${write.amount(after.minus(before).abs(), pair)} over the plan: ${changed}`;
}

function rowLine(write: Writer, pair: Pair, years: readonly string[]): string | undefined {
  const name = seriesOf(pair).row;
  if (!pair.older) return `${name} added: ${figuresOf(write, pair, pair.after)}`;
  if (!pair.newer) return `${name} removed: it showed ${figuresOf(write, pair, pair.before)}`;
  const changed = yearChanges(write, pair, years);
  return changed === "" ? undefined : `${name}: ${changed}`;
}

/** Each year's funding over the year before's, as a percentage to one decimal ("3.0%"), or undefined. */
function uplifts(
  values: ReadonlyMap<string, Value>,
  years: readonly string[]
): Map<string, string> {
  const shown = new Map<string, string>();
  years.forEach((year, i) => {
    const previous = values.get(years[i - 1]);
    const current = values.get(year);
    if (i === 0 || !isNumber(previous) || !isNumber(current) || previous.isZero()) return;
    shown.set(
      year,
      `${current.dividedBy(previous).minus(1).times(100).toFixed(1).replace("-", MINUS)}%`
    );
  });
  return shown;
}

/**
 * The funding uplift a changed allocation implies: a block's funding in one year moves that year's uplift
 * and the next one's ("High needs block: DSG funding uplift: 2026-27 3.0% to 4.2%; 2027-28 3.0% to 1.8%").
 */
function upliftLine(pair: Pair): string | undefined {
  if (!pair.older || !pair.newer) return undefined;
  const years = commonYears(pair);
  const before = uplifts(pair.before, years);
  const after = uplifts(pair.after, years);
  const moved = years.filter(
    (year) => before.has(year) && after.has(year) && before.get(year) !== after.get(year)
  );
  if (moved.length === 0) return undefined;
  return `${seriesOf(pair).row} uplift: ${moved.map((year) => `${year} ${before.get(year)} to ${after.get(year)}`).join("; ")}`;
}

// EHCP tables are reported in the text by one total a placement and the flows; each age group and need
// is in the full list of changes.
const EHCP_DETAIL = /^ehcp\.[^.]+\.(age|need)\.(?!total$)/;

/** A row the text leaves to the full list: an age group or need, or the by-need total beside a by-age one. */
function isEhcpDetail(pair: Pair, pairs: readonly Pair[]): boolean {
  if (EHCP_DETAIL.test(pair.key)) return true;
  const byNeedTotal = /^(ehcp\.[^.]+)\.need\.total$/.exec(pair.key);
  return byNeedTotal !== null && pairs.some((p) => p.key === `${byNeedTotal[1]}.age.total`);
}

function yearsLines(
  write: Writer,
  pairs: readonly Pair[],
  added: readonly string[],
  removed: readonly string[]
): string[] {
  const carried = pairs.find((p) => p.key === "endOfYear.carriedForward");
  const inYear = pairs.find((p) => p.key === "endOfYear.inYear");
  const shown = (pair: Pair | undefined, values: "before" | "after", year: string, what: string) =>
    pair && pair[values].has(year) ? [`${what} ${write.amount(pair[values].get(year), pair)}`] : [];
  return [
    ...added.map((year) => {
      const figures = [
        ...shown(inYear, "after", year, "in-year deficit"),
        ...shown(carried, "after", year, "carried forward"),
      ];
      return `${year} added${figures.length ? `: ${figures.join(", ")}` : ""}`;
    }),
    ...removed.map((year) => {
      const figures = shown(carried, "before", year, "carried forward");
      return `${year} no longer shown${figures.length ? ` (it had ${figures.join(", ")})` : ""}`;
    }),
  ];
}

/** The common years of a row's two versions, in the newer order. */
function commonYears(pair: Pair): string[] {
  return [...pair.after.keys()].filter((year) => pair.before.has(year));
}

function summaryOf(
  write: Writer,
  pairs: readonly Pair[],
  changes: readonly Change[],
  added: readonly string[],
  removed: readonly string[]
): string {
  if (changes.length === 0 && added.length === 0 && removed.length === 0)
    return "No figure of the plan changed between the two versions.";
  const sentences: string[] = [];
  const carried = pairs.find((p) => p.key === "endOfYear.carriedForward");
  if (carried?.older && carried.newer) {
    const common = commonYears(carried);
    const last = common[common.length - 1];
    if (last !== undefined)
      sentences.push(
        `The cumulative deficit carried forward at the end of ${last} is ${movement(write, carried, last)}.`
      );
    const moved = common.filter((year) => difference(carried, year));
    if (moved.length > 0)
      sentences.push(
        `Carried forward changed in ${moved.length === 1 ? "1 year" : `${moved.length} years`} (${moved.join(", ")}).`
      );
    if (added.length > 0) {
      const end = added[added.length - 1];
      sentences.push(
        `The plan now runs to ${end}${carried.after.has(end) ? `, with ${write.amount(carried.after.get(end), carried)} carried forward at its end` : ""}.`
      );
    }
  } else if (added.length > 0) sentences.push(`Years added: ${added.join(", ")}.`);
  if (removed.length > 0) sentences.push(`No longer shown: ${removed.join(", ")}.`);
  const mitigationChanges = pairs
    .filter((pair) => pair.key.startsWith("mitigation."))
    .map((pair) => mitigationChange(pair, commonYears(pair)));
  const kinds: readonly MitigationChange[] = [
    "added",
    "removed",
    "moved a year",
    "re-profiled",
    "changed in total",
  ];
  const mitigationParts = kinds.map(
    (kind) => [mitigationChanges.filter((change) => change === kind).length, kind] as const
  );
  const said = mitigationParts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  if (said.length > 0) sentences.push(`Mitigations: ${said.join(", ")}.`);
  // Figures of years one version alone has are told by the years added or removed, not counted here.
  const bySection = (section: Section) =>
    changes.filter((c) => c.section === section && c.before !== null && c.after !== null).length;
  const figures = (n: number) => (n === 1 ? "1 figure" : `${n.toLocaleString("en-GB")} figures`);
  const counted: Readonly<
    Record<"Funding blocks" | "Safety Valve agreement" | "EHCP numbers", (n: number) => string>
  > = {
    "Funding blocks": (n) => `${figures(n)} of the funding blocks`,
    "Safety Valve agreement": (n) => `${figures(n)} of the Safety Valve agreement`,
    "EHCP numbers": (n) =>
      n === 1 ? "1 EHCP number" : `${n.toLocaleString("en-GB")} EHCP numbers`,
  };
  const others = (Object.keys(counted) as (keyof typeof counted)[])
    .map((section) => [section, bySection(section)] as const)
    .filter(([, n]) => n > 0)
    .map(([section, n]) => counted[section](n));
  if (others.length > 0) sentences.push(`Also changed: ${listed(others)}.`);
  return sentences.join(" ");
}

/** "a, b and c". */
function listed(items: readonly string[]): string {
  return items.length <= 1
    ? items.join("")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * What changed from the older version of a plan to the newer one. Both must be located templates of the
 * same kind; figures are compared in the newer version's unit with deficits positive.
 */
export function compareVersions(older: LocatedTemplate, newer: LocatedTemplate): Comparison {
  const write = new Writer(newer.unit);
  const pairs = pairRows(older, newer);
  const changes = pairs.flatMap(pairChanges);
  const olderYears = (older.financial?.years ?? []).map((y) => y.label);
  const newerYears = (newer.financial?.years ?? []).map((y) => y.label);
  const added = newerYears.filter((year) => !olderYears.includes(year));
  const removed = olderYears.filter((year) => !newerYears.includes(year));
  const common = newerYears.filter((year) => olderYears.includes(year));

  const lines: ReportLine[] = [];
  const push = (section: ReportLine["section"], texts: readonly (string | undefined)[]) =>
    texts.forEach((text) => text && lines.push({ section, text }));
  push("End of year positions", endOfYearLines(write, pairs, common));
  push("Years", yearsLines(write, pairs, added, removed));
  for (const pair of pairs) {
    const series = seriesOf(pair);
    if (series.section === "End of year positions") continue;
    if (series.section === "EHCP numbers" && isEhcpDetail(pair, pairs)) continue;
    const years =
      series.cells.length === 1 && series.cells[0].year === "" ? [""] : commonYears(pair);
    const line = pair.key.startsWith("mitigation.")
      ? mitigationLine(write, pair, years)
      : rowLine(write, pair, years);
    push(series.section, [
      line,
      ...(/^block\.[a-z-]+\.allocation$/.test(pair.key) ? [upliftLine(pair)] : []),
    ]);
  }
  const detailChanged = pairs.some(
    (pair) =>
      isEhcpDetail(pair, pairs) &&
      pairChanges(pair).some((change) => change.before !== null && change.after !== null)
  );
  if (detailChanged)
    push("EHCP numbers", [
      "The numbers by age group and primary need behind these totals are in the full list of changes.",
    ]);
  return {
    unit: newer.unit,
    yearsAdded: added,
    yearsRemoved: removed,
    changes,
    lines,
    summary: summaryOf(write, pairs, changes, added, removed),
  };
}

/**
 * A version's located template, or why it cannot be compared, as a sentence about the file ("it is not a
 * recognised DfE template …"): the command line and the pane say the same.
 */
export function locateVersion(workbook: Workbook): LocatedTemplate | string {
  const template = locateTemplate(workbook);
  if (template.recognition && !template.recognition.recognised)
    return "it is not a recognised DfE template (no DSG management plan or Safety Valve return was found in it)";
  if (!template.financial)
    return "no row of financial year headings (such as 2024-25) was found in it, so there is nothing to compare";
  return template;
}

/** Why two versions cannot be compared (they are different templates), or undefined when they can. */
export function whyNotComparable(
  older: LocatedTemplate,
  newer: LocatedTemplate
): string | undefined {
  if (older.profileId === newer.profileId) return undefined;
  return `the older version is a ${older.profileName} and the newer a ${newer.profileName}: compare two versions of the same template`;
}

export { reportSections } from "./reportSections";
