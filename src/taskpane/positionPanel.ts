/**
 * The position panel under a check's summary: the deficit carried forward year by year (as the sheet shows
 * it, and before Safety Valve payments), the agreement's limits and the in-year result, drawn with uPlot,
 * and beside it the figures a finance lead briefs from: headroom or breach, the balance year, the deficit at
 * 31 March 2026 and the High Needs Stability Grant split. The chart is an image with a sentence for screen
 * readers; the same figures are in a table under it. Colours are the theme's tokens (taskpane.css), so
 * the lines keep their contrast in the light and dark themes, and each line also has its own dash.
 */
import uPlot from "uplot";
import { el, setChildren } from "./dom";
import { formatMoney } from "../validation/money";
import {
  seriesShown,
  type PlanPosition,
  type PositionSeries,
  type PositionYear,
} from "../validation/report/position";

export interface PositionPanel {
  readonly element: HTMLElement;
  /** Shows the position of the last check, or hides the panel when the workbook has none. */
  show(position: PlanPosition | null): void;
}

/** How each series is told apart besides its colour: line width and dash (the limit dotted, gross dashed). */
const STYLE: Readonly<Record<PositionSeries["id"], { width: number; dash?: number[] }>> = {
  net: { width: 2.5 },
  gross: { width: 2, dash: [6, 4] },
  limit: { width: 2, dash: [2, 3] },
  inYear: { width: 1.5 },
};

const CHART_HEIGHT = 200;
/** Room each year label needs on the x axis; narrower panes label every other year. */
const LABEL_WIDTH = 44;

/** "2027-28" → "27-28", so eight years fit under a 320 px chart. */
const shortYear = (label: string) => (/^\d{4}-\d{2}$/.test(label) ? label.slice(2) : label);

function themeColour(from: Element, id: PositionSeries["id"] | "axis" | "grid"): string {
  return getComputedStyle(from).getPropertyValue(`--chart-${id}`).trim() || "#616161";
}

/** The tightest year against the limit, and every year over it. */
function headroomSummary(position: PlanPosition): { least?: PositionYear; over: PositionYear[] } {
  const limited = position.years.filter((year) => year.headroom !== undefined);
  const over = limited.filter((year) => (year.headroom as number) < 0);
  const least = limited.reduce<PositionYear | undefined>(
    (low, year) => (low === undefined || year.headroom! < low.headroom! ? year : low),
    undefined
  );
  return { least, over };
}

/** Creates the panel, hidden until a check with end of year positions shows it. */
export function createPositionPanel(): PositionPanel {
  const heading = el("h3", { id: "position-heading" });
  const chartBox = el("div", {
    class: "position-chart",
    id: "position-chart",
    role: "img",
  });
  const legend = el("ul", { class: "position-legend", "aria-hidden": "true" });
  const figures = el("dl", { class: "position-figures", id: "position-figures" });
  const table = el("table", { id: "position-table" });
  const tableBox = el(
    "div",
    {
      class: "position-table",
      tabindex: 0,
      role: "region",
      "aria-label": "Figures by year",
    },
    table
  );
  const element = el(
    "section",
    { class: "position", id: "position", "aria-labelledby": "position-heading", hidden: true },
    heading,
    el("div", { class: "position-body" }, el("div", {}, chartBox, legend), figures),
    el("details", { class: "position-details" }, el("summary", {}, "Figures by year"), tableBox)
  );

  let chart: uPlot | null = null;
  let drawn: PlanPosition | null = null;

  function money(position: PlanPosition, value: number): string {
    return formatMoney(value, position.unit, position.decimals);
  }

  function headroomText(position: PlanPosition, year: PositionYear): string {
    const headroom = year.headroom as number;
    return headroom < 0
      ? `over by ${money(position, -headroom)}`
      : `${money(position, headroom)} headroom`;
  }

  /** The sentence a screen reader reads for the chart. */
  function description(position: PlanPosition, lines: readonly PositionSeries[]): string {
    const years = position.years.filter((year) => year.net !== undefined);
    if (years.length === 0) return "No deficit carried forward could be read.";
    const first = years[0].label;
    const last = years[years.length - 1];
    const peak = years.reduce((high, year) => (year.net! > high.net! ? year : high));
    const parts = [
      `Chart of the DSG deficit carried forward from ${first} to ${last.label}: highest ${money(position, peak.net!)} in ${peak.label}, ${money(position, last.net!)} at the end of ${last.label}.`,
    ];
    const { least, over } = headroomSummary(position);
    if (over.length > 0)
      parts.push(
        `Over the Safety Valve limit in ${over.map((y) => `${y.label} (${headroomText(position, y)})`).join(", ")}.`
      );
    else if (least)
      parts.push(
        `Within the Safety Valve limit every year; least headroom ${money(position, least.headroom!)} in ${least.label}.`
      );
    parts.push(
      `Lines: ${lines.map((line) => line.label.toLowerCase()).join(", ")}. The figures are in the table Figures by year.`
    );
    return parts.join(" ");
  }

  function renderFigures(position: PlanPosition): void {
    const item = (id: string, term: string, ...detail: (string | HTMLElement)[]) => [
      el("dt", {}, term),
      el("dd", { id: `position-${id}` }, ...detail),
    ];
    const { least, over } = headroomSummary(position);
    const limit =
      over.length > 0
        ? item(
            "limit",
            "Against the limit",
            el(
              "span",
              { class: "position-breach" },
              `Over in ${over.length === 1 ? "1 year" : `${over.length} years`}: `
            ),
            over.map((year) => `${year.label} ${headroomText(position, year)}`).join("; ")
          )
        : least
          ? item(
              "limit",
              "Against the limit",
              `Within it every year; least headroom ${money(position, least.headroom!)} in ${least.label}`
            )
          : [];
    const grant = position.stabilityGrant;
    setChildren(
      figures,
      ...limit,
      ...item(
        "balance-year",
        "In-year balance",
        position.balanceYear ? `From ${position.balanceYear}` : "Not reached in the years shown"
      ),
      ...(grant
        ? [
            ...item("cut-off", `Deficit at ${grant.date}`, money(position, grant.deficit)),
            ...item(
              "grant",
              "High Needs Stability Grant",
              `${grant.percent}% written off: ${money(position, grant.writtenOff)}; kept by the council: ${money(position, grant.kept)}` +
                (grant.ineligible > 0
                  ? ` (${money(position, grant.ineligible)} from other blocks is not eligible)`
                  : "")
            ),
          ]
        : [])
    );
  }

  function renderTable(position: PlanPosition, lines: readonly PositionSeries[]): void {
    const withHeadroom = position.years.some((year) => year.headroom !== undefined);
    const cell = (value: number | undefined) =>
      el("td", {}, value === undefined ? "–" : money(position, value));
    setChildren(
      table,
      el(
        "caption",
        {},
        `${position.unit.label}, deficits positive`,
        position.limitBasis && `; limit measured ${position.limitBasis} of Safety Valve payments`
      ),
      el(
        "thead",
        {},
        el(
          "tr",
          {},
          el("th", { scope: "col" }, "Year"),
          ...lines.map((line) => el("th", { scope: "col" }, line.label)),
          withHeadroom && el("th", { scope: "col" }, "Headroom")
        )
      ),
      el(
        "tbody",
        {},
        ...position.years.map((year) =>
          el(
            "tr",
            { "data-year": year.label },
            el("th", { scope: "row" }, year.label),
            ...lines.map((line) => cell(line.value(year))),
            withHeadroom &&
              el(
                "td",
                { class: (year.headroom ?? 0) < 0 ? "position-breach" : undefined },
                year.headroom === undefined ? "–" : headroomText(position, year)
              )
          )
        )
      )
    );
  }

  function draw(position: PlanPosition, lines: readonly PositionSeries[]): void {
    chart?.destroy();
    chart = null;
    const width = chartBox.clientWidth;
    if (width === 0) return;
    const labels = position.years.map((year) => shortYear(year.label));
    const step = Math.max(1, Math.ceil((labels.length * LABEL_WIDTH) / Math.max(width - 60, 1)));
    const axis = {
      stroke: themeColour(element, "axis"),
      grid: { stroke: themeColour(element, "grid"), width: 1 },
      ticks: { stroke: themeColour(element, "grid"), width: 1 },
    };
    const data: uPlot.AlignedData = [
      position.years.map((_, i) => i),
      ...lines.map((line) => position.years.map((year) => line.value(year) ?? null)),
    ];
    chart = new uPlot(
      {
        width,
        height: CHART_HEIGHT,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false, range: [-0.5, labels.length - 0.5] } },
        axes: [
          {
            ...axis,
            splits: () => labels.map((_, i) => i).filter((i) => i % step === 0),
            values: (_, splits) => splits.map((i) => labels[i] ?? ""),
          },
          {
            ...axis,
            size: 48,
            values: (_, splits) => splits.map((v) => `${v}`),
          },
        ],
        series: [
          {},
          ...lines.map((line) => {
            const stroke = themeColour(element, line.id);
            return line.id === "inYear"
              ? {
                  label: line.label,
                  stroke,
                  // Bars are filled lightly; their outline carries the contrast.
                  fill: /^#[0-9a-f]{6}$/i.test(stroke) ? `${stroke}55` : undefined,
                  width: STYLE[line.id].width,
                  paths: uPlot.paths.bars!({ size: [0.5, 24] }),
                  points: { show: false },
                }
              : {
                  label: line.label,
                  stroke,
                  width: STYLE[line.id].width,
                  dash: STYLE[line.id].dash,
                  spanGaps: false,
                  points: { show: true, size: 5, fill: stroke },
                };
          }),
        ],
      },
      data,
      chartBox
    );
  }

  // The pane is resized with Excel's window: redraw at the new width (uPlot draws at a fixed size).
  let lastWidth = 0;
  new ResizeObserver(() => {
    const width = chartBox.clientWidth;
    if (drawn && width !== lastWidth) {
      lastWidth = width;
      draw(drawn, seriesShown(drawn));
    }
  }).observe(chartBox);

  return {
    element,
    show(position) {
      drawn = position;
      element.hidden = position === null;
      if (position === null) {
        chart?.destroy();
        chart = null;
        return;
      }
      const lines = seriesShown(position);
      heading.textContent = `Position at a glance (${position.unit.label})`;
      chartBox.setAttribute("aria-label", description(position, lines));
      setChildren(
        legend,
        ...lines.map((line) =>
          el("li", {}, el("span", { class: `swatch swatch-${line.id}` }), line.label)
        )
      );
      renderFigures(position);
      renderTable(position, lines);
      lastWidth = chartBox.clientWidth;
      draw(position, lines);
    },
  };
}
