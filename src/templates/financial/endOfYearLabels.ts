/**
 * What the rows of "Summary of end of year positions" (templates.md §1) mean, as data. Councils word them
 * "Cumulative DSG deficit - brought forward (deficit at beginning of financial year)", "Cumulative DSG
 * surplus/(deficit) b/f", "Opening cumulative deficit" …; each meaning lists the words that must be in a
 * label, and the words that rule it out. The name of each is the template's wording, used in messages.
 */
import { meanings, type Meaning } from "../meaning";

export type EndOfYearRowKey =
  "inYear" | "broughtForward" | "dfePayments" | "laContribution" | "adjustments" | "carriedForward";

// A memo row ("Memo: High Needs Stability Grant write-off (90%)", "Memo: deficit excluding SV") restates a
// figure for information: it is none of the roll-forward's rows, whatever else its label names.
const MEMO = ["memo", "memorandum"];

// Words that say a row is a balance at a point in time, or a movement in the year.
const BALANCE = "deficit|surplus|balance|position|reserve|dsg";
const IN_YEAR_RESULT =
  "deficit|surplus|overspend|underspend|position|result|balance|variance|pressure|movement";

export const END_OF_YEAR_MEANINGS: readonly Meaning<EndOfYearRowKey>[] = meanings([
  {
    key: "broughtForward",
    name: "Cumulative deficit brought forward",
    means: [
      "brought forward",
      `opening ${BALANCE}`,
      `${BALANCE} start|beginning year|period`,
      `${BALANCE} 1 april`,
    ],
    // "Adjustment to opening balance", "Restatement of opening balance": a movement, not the balance.
    not: [
      ...MEMO,
      "carried",
      "closing",
      "reference",
      "variance",
      "difference",
      "adjustment",
      "restatement",
      "correction",
    ],
  },
  {
    key: "inYear",
    name: "Total DSG in-year deficit",
    means: [
      `inyear ${IN_YEAR_RESULT}`,
      `year ${IN_YEAR_RESULT} total`,
      "net inyear",
      "inyear",
      `${IN_YEAR_RESULT} year`,
      // "Annual deficit", "Forecast overspend": the year's own result in other words.
      `annual ${IN_YEAR_RESULT}`,
      "forecast overspend|underspend",
    ],
    not: [
      ...MEMO,
      "cumulative",
      "brought",
      "carried",
      "opening",
      "closing",
      "limit",
      "agreement",
      "agreed",
      "target",
      "mitigated",
      "unmitigated",
      "mitigation",
      "reference",
      // One block's in-year result ("High needs block in-year deficit") is not the DSG total.
      "school",
      "central",
      "early",
      "high",
    ],
  },
  {
    key: "dfePayments",
    name: "DfE deficit payments",
    means: [
      "safetyvalve payment|contribution|funding|instalment|grant|income|received",
      "dfe payment|contribution|funding|instalment|grant|writeoff",
      "deficit payment|instalment|writeoff",
      "stability grant",
      "writeoff",
      "safetyvalve",
    ],
    // A row naming both the Safety Valve and the council ("Safety Valve and LA contributions") fits
    // both meanings: it is reported as unclear rather than taken for either. The agreement's limits and
    // targets are not payments.
    not: [
      ...MEMO,
      "cumulative",
      "brought",
      "carried",
      "total",
      "limit",
      "target",
      "ceiling",
      "cap",
      "trajectory",
      "reference",
      "clawback",
    ],
  },
  {
    key: "laContribution",
    name: "Local authority contribution",
    // The council's own money put towards the deficit, from its general fund or its reserves.
    means: [
      "local|council|authority|general|county|borough contribution|funding|payment",
      "general fund",
      "reserve contribution|transfer|funding|drawdown",
      "earmarked reserve",
    ],
    not: [...MEMO, "cumulative", "brought", "carried"],
  },
  {
    key: "adjustments",
    name: "Other adjustments",
    means: [
      "adjustment",
      "prior year adjustment",
      "other movement",
      "restatement",
      "correction",
      "clawback",
    ],
    not: [...MEMO, "cumulative", "brought", "carried"],
  },
  {
    key: "carriedForward",
    name: "Cumulative deficit carried forward",
    // A bare "Cumulative deficit" row is the year-end figure, but only when no row says so plainly.
    means: [
      "carried forward",
      `closing ${BALANCE}`,
      `${BALANCE} end year|period`,
      `${BALANCE} 31 march`,
      `cumulative ${BALANCE}`,
      // "Net DSG position", "DSG reserve": the balance a council carries, in its own words.
      "net dsg position|deficit|balance",
      "dsg reserve",
    ],
    not: [
      ...MEMO,
      "brought",
      "opening",
      "reference",
      "contribution",
      "drawdown",
      "transfer",
      "inyear",
      // "Cumulative deficit variance (forecast less agreement)" compares two balances: it is none.
      "variance",
      "difference",
      // The agreement's limits ("Cumulative deficit per agreement", "Agreed cumulative deficit").
      "limit",
      "agreed",
      "agreement",
      "target",
      "ceiling",
    ],
  },
]);

/** The meaning of each end-of-year row by its key. */
export const END_OF_YEAR_ROW: Readonly<Record<EndOfYearRowKey, Meaning<EndOfYearRowKey>>> =
  Object.fromEntries(END_OF_YEAR_MEANINGS.map((m) => [m.key, m])) as Record<
    EndOfYearRowKey,
    Meaning<EndOfYearRowKey>
  >;
