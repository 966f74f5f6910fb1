import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readXlsxBuffer } from "../../src/workbook/xlsxReader";
import type { PassOver } from "../../src/workbook/passOver";
import { validateWorkbook } from "../../src/validation/validate";
import { mayHoldSections, mayNameASection } from "../../src/templates/sheetWords";
import { SECTIONS_ONLY } from "../../src/cli/checkFile";
import { cellValue, type Workbook } from "../../src/workbook/workbook";
import { rawXlsx, sharedStringsXml, worksheetXml } from "../hostile/rawXlsx";
import { templateLikeWorkbook } from "../../bench/templateWorkbook";

/** Every sheet a candidate, however small, so the words decide alone. */
const EVERY_SHEET: PassOver = { ...SECTIONS_ONLY, fromBytes: 0 };

const passedOver = (workbook: Workbook) =>
  workbook.sheets.filter((s) => s.passedOver).map((s) => s.name);

const findings = (workbook: Workbook) => validateWorkbook(workbook).findings;

async function workbooksUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true });
  return entries.filter((name) => name.endsWith(".xlsx")).map((name) => join(folder, name));
}

describe("passing over sheets no check can use", () => {
  it("keeps every sheet of every example and real-wording workbook that a finding comes from", async () => {
    const files = await workbooksUnder("examples");
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const bytes = await readFile(file);
      const whole = await readXlsxBuffer(bytes);
      const skimmed = await readXlsxBuffer(bytes, { passOver: EVERY_SHEET });
      expect(findings(skimmed), file).toEqual(findings(whole));
    }
  });

  it("passes over the record sheets of a template-like workbook and finds what a full read finds", async () => {
    const { bytes } = templateLikeWorkbook(0.05);
    const whole = await readXlsxBuffer(bytes);
    const skimmed = await readXlsxBuffer(bytes, { passOver: EVERY_SHEET });
    expect(passedOver(skimmed)).toEqual(["Pupil data", "Top-up rates", "Workings"]);
    expect(skimmed.sheets.map((s) => s.name)).toEqual(whole.sheets.map((s) => s.name));
    expect(findings(skimmed)).toEqual(findings(whole));
    // At the command line's size threshold, this small workbook is read whole.
    expect(passedOver(await readXlsxBuffer(bytes, { passOver: SECTIONS_ONLY }))).toEqual([]);
  });

  const records = (extra = "") =>
    Array.from(
      { length: 50 },
      (_, r) =>
        `<row r="${r + 1}"><c r="A${r + 1}" t="s"><v>0</v></c><c r="B${r + 1}"><v>${r * 3.5}</v></c>${extra}</row>`
    ).join("");
  const book = (sheetXml: string, strings = ["PUP0001"], plan = worksheetXml("")) =>
    rawXlsx({
      sheets: [
        { name: "Plan", xml: plan },
        { name: "Records", xml: sheetXml },
      ],
      sharedStrings: sharedStringsXml(strings),
    });

  it("passes over a sheet of records, keeping its name and visibility, with no cells", async () => {
    const workbook = await readXlsxBuffer(book(worksheetXml(records())), {
      passOver: EVERY_SHEET,
    });
    expect(workbook.sheets[1]).toMatchObject({ name: "Records", passedOver: true, values: [] });
    expect(workbook.sheets[0].passedOver).toBeUndefined();
  });

  it.each([
    ["a shared string that could be a label", records(), ["Cumulative deficit"]],
    ["a year heading", records(), ["2024-25"]],
    ["a #NAME? value", records('<c r="C1" t="e"><v>#NAME?</v></c>'), undefined],
    ["a DSG function", records('<c r="C1"><f>DSG.CUMULATIVE(B1:B5)</f><v>1</v></c>'), undefined],
    [
      "a formula's text result that could be a label",
      records('<c r="C1" t="str"><f>"x"</f><v>Closing balance</v></c>'),
      undefined,
    ],
    ["inline text", records('<c r="C1" t="inlineStr"><is><t>x</t></is></c>'), undefined],
  ])("reads a sheet holding %s", async (_, rows, strings) => {
    const workbook = await readXlsxBuffer(book(worksheetXml(rows), strings), {
      passOver: EVERY_SHEET,
    });
    expect(passedOver(workbook)).toEqual([]);
    expect(cellValue(workbook.sheets[1], 0, 1)).toBe(0);
  });

  it("reads a sheet named as a section's sheet is, whatever it holds", async () => {
    const bytes = rawXlsx({
      sheets: [{ name: "Mainstream", xml: worksheetXml(records()) }],
      sharedStrings: sharedStringsXml(["PUP0001"]),
    });
    expect(passedOver(await readXlsxBuffer(bytes, { passOver: EVERY_SHEET }))).toEqual([]);
  });

  it("reads every sheet whole when a formula saved without its result may read a passed-over one", async () => {
    const plan = worksheetXml('<row r="1"><c r="A1"><f>SUM(Records!B1:B50)</f></c></row>');
    const workbook = await readXlsxBuffer(book(worksheetXml(records()), undefined, plan), {
      passOver: EVERY_SHEET,
    });
    expect(passedOver(workbook)).toEqual([]);
    expect(cellValue(workbook.sheets[0], 0, 0)).toBe(4287.5);
  });
});

describe("the words sections are found by", () => {
  it.each([
    "Cumulative DSG deficit b/f",
    "In-year movement",
    "High needs block",
    "Number of EHCPs by age group",
    "Condition 3: update",
    "Signed off by",
    "Total mitigations",
    "2024-25",
    "FY25",
    "January 2024",
  ])("hold %j", (text) => expect(mayHoldSections(text)).toBe(true));

  it.each(["PUP01512529", "Pupil data column 3", "Mainstream", "Alternative provision", "Jones"])(
    "not %j",
    (text) => expect(mayHoldSections(text)).toBe(false)
  );

  it.each(["Mainstream", "High Needs", "Schools", "Independent special"])(
    "a sheet named %j may hold a section",
    (name) => expect(mayNameASection(name)).toBe(true)
  );
});
