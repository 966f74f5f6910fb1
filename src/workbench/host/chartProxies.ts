/**
 * Stand-ins for Worksheet.charts and Chart: the report sheet's chart. Adding a chart is a change to the
 * workbook, recorded in the host's log like a cell write; its title, legend, name and position are kept on
 * the host's copy of the chart so tests can read what Excel would show. Like every proxy, each call is
 * queued and runs at the next sync.
 */
import { a1Range, parseA1 } from "../../workbook/address";
import type { CellRange } from "../../workbook/workbook";
import type { HostSheet } from "./hostSheet";
import { invalidArgument } from "./officeError";
import type { StandInRange } from "./rangeProxies";
import type { StandInContext } from "./requestContext";

/** The host's copy of a chart. */
export interface HostChart {
  name: string;
  readonly type: string;
  /** The source range's address on its sheet ("G1:K9"). */
  readonly source: string;
  readonly seriesBy: string;
  title: string;
  legendPosition: string;
  /** Top-left and bottom-right cells it covers, once placed. */
  position: { start: string; end: string } | null;
}

const CHART_TYPES = new Set(["Line", "LineMarkers", "ColumnClustered", "BarClustered", "Area"]);
const SERIES_BY = new Set(["Auto", "Columns", "Rows"]);

/** The area a range argument (a proxy, or an address on the chart's own sheet) covers, at sync time. */
function areaOf(sheet: HostSheet, range: StandInRange | string): CellRange {
  if (typeof range === "string") {
    const area = parseA1(range.replace(/^.*!/, ""));
    if (area === null) throw invalidArgument(`'${range}' is not an address.`);
    return area;
  }
  const target = range.target("range");
  if (target.sheet !== sheet)
    throw invalidArgument("A chart's source and position must be on its own sheet.");
  return target.area;
}

export class StandInChartCollection {
  constructor(
    private readonly context: StandInContext,
    private readonly sheet: () => HostSheet
  ) {}

  /** Adds a chart of `type` over `source`, its series taken by `seriesBy` (Office.js string enums). */
  add(type: string, source: StandInRange, seriesBy = "Auto"): StandInChart {
    const chart = new StandInChart(this.context, this.sheet);
    this.context.enqueue(() => {
      if (!CHART_TYPES.has(type)) throw invalidArgument(`'${type}' is not a chart type here.`);
      if (!SERIES_BY.has(seriesBy)) throw invalidArgument(`'${seriesBy}' is not a ChartSeriesBy.`);
      const sheet = this.sheet();
      const added: HostChart = {
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        source: a1Range(areaOf(sheet, source)),
        seriesBy,
        title: "",
        legendPosition: "Right",
        position: null,
      };
      sheet.charts.push(added);
      this.context.host.recordChart(sheet, added);
      chart.attach(added);
    });
    return chart;
  }
}

export class StandInChart {
  private chart: HostChart | null = null;
  readonly title: { text: string };
  readonly legend: { position: string };

  constructor(
    private readonly context: StandInContext,
    private readonly sheet: () => HostSheet
  ) {
    const later = (change: (chart: HostChart) => void) =>
      this.context.enqueue(() => change(this.attached()));
    this.title = {
      set text(text: string) {
        later((chart) => (chart.title = text));
      },
      get text(): string {
        throw invalidArgument("Load the chart title before reading it.");
      },
    };
    this.legend = {
      set position(position: string) {
        later((chart) => (chart.legendPosition = position));
      },
      get position(): string {
        throw invalidArgument("Load the legend before reading it.");
      },
    };
  }

  /** Called when the queued `add` runs: later instructions act on the chart it made. */
  attach(chart: HostChart): void {
    this.chart = chart;
  }

  set name(name: string) {
    this.context.enqueue(() => (this.attached().name = name));
  }

  setPosition(start: StandInRange | string, end?: StandInRange | string): void {
    this.context.enqueue(() => {
      const sheet = this.sheet();
      const from = areaOf(sheet, start);
      const to = end === undefined ? from : areaOf(sheet, end);
      this.attached().position = {
        start: a1Range({ ...from, bottom: from.top, right: from.left }),
        end: a1Range({ ...to, top: to.bottom, left: to.right }),
      };
    });
  }

  private attached(): HostChart {
    if (this.chart === null) throw invalidArgument("The chart was not added.");
    return this.chart;
  }
}
