import { describe, expect, it } from "vitest";
import {
  relationshipsReader,
  sharedStringsReader,
  sheetEntriesReader,
  definedNamesReader,
  styleFormatsReader,
} from "../../src/workbook/ooxml";
import { SheetDamage, sheetCellsReader } from "../../src/workbook/sheetCells";
import { readXmlText, xmlFeed } from "../../src/workbook/xmlEvents";

const sheet = (rows: string, after = "") =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData>${after}</worksheet>`;

describe("sharedStringsReader", () => {
  it.each([
    ["a plain item", "<si><t>Deficit</t></si>", "Deficit"],
    [
      "rich text runs",
      "<si><r><t>Cumulative </t></r><r><rPr><b/></rPr><t>deficit</t></r></si>",
      "Cumulative deficit",
    ],
    [
      "a phonetic guide (left out)",
      '<si><t>High needs</t><rPh sb="0" eb="1"><t>ハイ</t></rPh></si>',
      "High needs",
    ],
    [
      "entities and an OOXML control escape",
      "<si><t>Fish &amp; chips &lt;£5&gt;_x000D_</t></si>",
      "Fish & chips <£5>\r",
    ],
    ["prefixed elements", "<x:si><x:t>Units</x:t></x:si>", "Units"],
    ["an empty item", "<si><t/></si>", ""],
  ])("should read %s", (_, item, text) => {
    expect(readXmlText(`<sst>${item}<si><t>next</t></si></sst>`, sharedStringsReader())).toEqual([
      text,
      "next",
    ]);
  });

  it("should not expand entities a crafted part declares (no billion laughs)", () => {
    const xml = `<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><sst><si><t>&b;</t></si></sst>`;
    expect(readXmlText(xml, sharedStringsReader())[0]).not.toContain("aaaaaaaaaa");
  });
});

describe("styleFormatsReader", () => {
  it("should give each cell style its custom or built-in format, ignoring named styles", () => {
    const xml = `<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.000"/></numFmts>
      <cellStyleXfs count="1"><xf numFmtId="3"/></cellStyleXfs>
      <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14" applyNumberFormat="1"><alignment/></xf><xf numFmtId="99"/></cellXfs></styleSheet>`;
    expect(readXmlText(xml, styleFormatsReader())).toEqual([
      "General",
      "#,##0.000",
      "mm-dd-yy",
      "General",
    ]);
  });
});

describe("definedNamesReader", () => {
  it("should give each defined name what it refers to, by name in lower case", () => {
    const xml =
      '<workbook><sheets><sheet name="Plan" sheetId="1" r:id="rId1"/></sheets><definedNames>' +
      "<definedName name=\"Deficit2026\">'Financial summary'!$E$13</definedName>" +
      '<definedName name="Costs" localSheetId="0">Plan!$C$2:$C$9</definedName></definedNames></workbook>';
    expect([...readXmlText(xml, definedNamesReader())]).toEqual([
      ["deficit2026", "'Financial summary'!$E$13"],
      ["costs", "Plan!$C$2:$C$9"],
    ]);
  });
});

describe("sheetEntriesReader and relationshipsReader", () => {
  it("should list sheets in tab order with visibility and relationship id, whatever the prefix", () => {
    const xml = `<workbook xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>
      <sheet name="Cover" sheetId="1" rel:id="rId1"/><sheet name="Lists" sheetId="2" state="hidden" rel:id="rId2"/></sheets></workbook>`;
    expect(readXmlText(xml, sheetEntriesReader())).toEqual([
      { name: "Cover", state: "visible", relationshipId: "rId1" },
      { name: "Lists", state: "hidden", relationshipId: "rId2" },
    ]);
  });

  it("should resolve relative and absolute targets to package paths", () => {
    const xml = `<Relationships><Relationship Id="rId1" Type="t/worksheet" Target="worksheets/sheet1.xml"/>
      <Relationship Id="rId2" Type="t/sharedStrings" Target="/xl/sharedStrings.xml"/>
      <Relationship Id="rId3" Type="t/styles" Target="../xl/./styles.xml"/></Relationships>`;
    const rels = readXmlText(xml, relationshipsReader("xl/workbook.xml"));
    expect([...rels.values()].map((rel) => rel.target)).toEqual([
      "xl/worksheets/sheet1.xml",
      "xl/sharedStrings.xml",
      "xl/styles.xml",
    ]);
  });
});

describe("sheetCellsReader", () => {
  it.each([
    ["a number", `<c r="B2"><v>34.5094</v></c>`, 34.5094, null],
    ["a shared string", `<c r="B2" t="s"><v>1</v></c>`, "Forecast", null],
    [
      "an inline rich string",
      `<c r="B2" t="inlineStr"><is><r><t>Block </t></r><r><t>total</t></r></is></c>`,
      "Block total",
      null,
    ],
    ["a boolean", `<c r="B2" t="b"><v>1</v></c>`, true, null],
    ["a typed error", `<c r="B2" t="e"><v>#REF!</v></c>`, { error: "#REF!" }, null],
    [
      "a formula's cached text",
      `<c r="B2" t="str"><f>A1&amp;"m"</f><v>£m</v></c>`,
      "£m",
      '=A1&"m"',
    ],
    [
      "a formula's cached error",
      `<c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c>`,
      { error: "#DIV/0!" },
      "=1/0",
    ],
    ["a formula saved without its result", `<c r="B2"><f>A1+1</f></c>`, null, "=A1+1"],
    ["an ISO date", `<c r="B2" t="d"><v>2024-03-31T00:00:00Z</v></c>`, 45382, null],
    ["prefixed elements", `<x:c r="B2"><x:f>SUM(A1:A2)</x:f><x:v>3</x:v></x:c>`, 3, "=SUM(A1:A2)"],
  ])("should read %s", (_, cell, value, formula) => {
    const cells = readXmlText(
      sheet(`<row r="2">${cell}</row>`),
      sheetCellsReader(["Actual", "Forecast"])
    ).toLists();
    expect([cells.rows, cells.cols, cells.values, cells.formulas]).toEqual([
      [1],
      [1],
      [value],
      [formula],
    ]);
  });

  it("should place rows and cells written without references after the previous ones", () => {
    const cells = readXmlText(
      sheet(`<row r="3"><c r="C3"><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>`),
      sheetCellsReader([])
    ).toLists();
    expect([cells.rows, cells.cols]).toEqual([
      [2, 2, 3],
      [2, 3, 0],
    ]);
  });

  const long = Array.from({ length: 60 }, (_, i) => `A${i + 1}`).join("+");
  it.each([
    ["plain text", "SUM(A1:A2)", "=SUM(A1:A2)"],
    ["an entity", 'A1&amp;"m"', '=A1&"m"'],
    ["text to trim", "  SUM(A1:A2) ", "=SUM(A1:A2)"],
    ["an _xHHHH_ escape", 'A1&amp;"_x000D_"', '=A1&"\r"'],
    ["a name with _x in it", "Rate_xyz*2", "=Rate_xyz*2"],
    ["text that is not ASCII", 'A1&amp;"£m"', '=A1&"£m"'],
    ["a CDATA section", "<![CDATA[A1<2]]>", "=A1<2"],
    ["two runs either side of a comment", "SUM(A1:<!-- c -->A2)", "=SUM(A1:A2)"],
    ["a formula of 300 characters", long, `=${long}`],
  ])("should read a formula written as %s", (_, written, formula) => {
    const cells = readXmlText(
      sheet(`<row r="2"><c r="B2"><f>${written}</f><v>1</v></c></row>`),
      sheetCellsReader([])
    );
    expect(cells.toLists().formulas).toEqual([formula]);
  });

  it.each([
    ["plain text", "SUM(A1:A2)", ["=SUM(A1:A2)", "=SUM(B1:B2)", "=SUM(C1:C2)"]],
    ["anchored parts", "$A$1*A1", ["=$A$1*A1", "=$A$1*B1", "=$A$1*C1"]],
    ["text that is not ASCII", 'A1&amp;"£"', ['=A1&"£"', '=B1&"£"', '=C1&"£"']],
    ["a master written in two runs", "A1<!-- c -->+1", ["=A1+1", "=B1+1", "=C1+1"]],
    [
      "300 characters",
      long,
      ["", "B", "C"].map((_, i) =>
        i === 0 ? `=${long}` : `=${long.replace(/A(\d+)/g, `${"ABC"[i]}$1`)}`
      ),
    ],
  ])("should move a shared formula written as %s", (_, written, formulas) => {
    const cells = readXmlText(
      sheet(
        `<row r="3"><c r="A3"><f t="shared" ref="A3:C3" si="0">${written}</f><v>5</v></c>` +
          `<c r="B3"><f t="shared" si="0"/><v>7</v></c><c r="C3"><f t="shared" si="0"/><v>9</v></c></row>`
      ),
      sheetCellsReader([])
    );
    expect(cells.toLists().formulas).toEqual(formulas);
  });

  it("should move a shared formula to each dependent cell", () => {
    const cells = readXmlText(
      sheet(
        `<row r="3"><c r="A3"><f t="shared" ref="A3:C3" si="0">SUM(A1:A2)</f><v>5</v></c>` +
          `<c r="B3"><f t="shared" si="0"/><v>7</v></c><c r="C3"><f t="shared" si="0"/><v>9</v></c></row>`,
        `<mergeCells count="1"><mergeCell ref="A1:D1"/></mergeCells>`
      ),
      sheetCellsReader([])
    );
    expect([cells.toLists().formulas, cells.toLists().values, cells.merges]).toEqual([
      ["=SUM(A1:A2)", "=SUM(B1:B2)", "=SUM(C1:C2)"],
      [5, 7, 9],
      [{ top: 0, left: 0, bottom: 0, right: 3 }],
    ]);
  });

  it("should keep styled empty cells only where their number format is not General, as runs", () => {
    const cells = readXmlText(
      sheet(
        `<row r="2"><c r="A2" s="1"/><c r="B2" s="1"/><c r="C2" s="1"/><c r="D2" s="2"/><c r="E2" s="1"><v>4</v></c>` +
          `<c r="F2" s="1"/></row><row r="3"><c r="A3" s="2"/><c r="B3" s="1"/></row>`
      ),
      sheetCellsReader([], { formats: ["General", "#,##0.00", "General"] })
    );
    expect([cells.toLists().values, cells.styled]).toEqual([
      [4],
      { rows: [1, 1, 2], firstCols: [0, 5, 1], lastCols: [2, 5, 1], styles: [1, 1, 1] },
    ]);
  });

  it.each([
    [
      "a row number past Excel's last row",
      `<row r="1e300"><c><v>1</v></c></row>`,
      /row numbered "1e300"/,
    ],
    ["a row numbered 0", `<row r="0"><c><v>1</v></c></row>`, /row numbered "0"/],
    ["a row past 1,048,576", `<row r="1048577"><c><v>1</v></c></row>`, /row numbered "1048577"/],
    [
      "a cell past the last row",
      `<row r="1"><c r="A10000000000000000"><v>1</v></c></row>`,
      /cell at A10000000000000000, beyond Excel's limits of 1,048,576 rows and 16,384 columns \(A to XFD\)/,
    ],
    ["a cell past column XFD", `<row r="1"><c r="XFE1"><v>1</v></c></row>`, /cell at XFE1, beyond/],
    [
      "a reference with digits first",
      `<row r="1"><c r="1A"><v>1</v></c></row>`,
      /reference "1A" is not a cell address/,
    ],
    [
      "a reference of 300 letters",
      `<row r="1"><c r="${"A".repeat(300)}1"><v>1</v></c></row>`,
      /cell at A{30}…, beyond/,
    ],
    [
      "more than 16,384 cells in a row",
      `<row r="1">${"<c><v>1</v></c>".repeat(16_385)}</row>`,
      /row 1 has more cells than Excel's 16,384 columns/,
    ],
  ])("should refuse %s with a SheetDamage that names it", (_, rows, message) => {
    const read = () => readXmlText(sheet(rows), sheetCellsReader([]));
    expect(read).toThrow(SheetDamage);
    expect(read).toThrow(message);
  });

  it("should read numbers exactly as Number() does, fast path or not", () => {
    const texts = [
      "0",
      "-0",
      "34.5094",
      "0.1",
      "123456789012345",
      "1234567890123456789",
      "1E-7",
      " 12 ",
      "-.5",
      "7.",
    ];
    const cells = readXmlText(
      sheet(`<row r="1">${texts.map((t) => `<c><v>${t}</v></c>`).join("")}</row>`),
      sheetCellsReader([])
    ).toLists();
    expect(cells.values).toEqual(texts.map(Number));
    expect(Object.is(cells.values[1], -0)).toBe(true);
  });

  it("should read the same cells from node Buffers cut mid-token as from one Uint8Array", () => {
    const xml = sheet(
      Array.from(
        { length: 50 },
        (_, r) =>
          `<row r="${r + 1}"><c r="A${r + 1}" t="s"><v>${r % 2}</v></c>` +
          `<c r="B${r + 1}" s="0"><f>A${r + 1}*2</f><v>${r}.25</v></c></row>`
      ).join("")
    );
    const bytes = new TextEncoder().encode(xml);
    const whole = readXmlText(bytes, sheetCellsReader(["Actual", "Forecast"])).toLists();
    // Buffers (as node's zlib gives) and plain arrays mixed, cut every 7 bytes, inside tags and values.
    const reader = sheetCellsReader(["Actual", "Forecast"]);
    const feed = xmlFeed(reader);
    for (let at = 0; at < bytes.length; at += 7) {
      const piece = bytes.subarray(at, at + 7);
      feed.write(at % 2 ? Buffer.from(piece) : piece);
    }
    feed.end();
    expect(reader.result().toLists()).toEqual(whole);
    expect(whole.values.slice(0, 4)).toEqual(["Actual", 0.25, "Forecast", 1.25]);
  });
});

describe("readXmlText on broken parts", () => {
  const cellsOf = (xml: string) => readXmlText(xml, sheetCellsReader([])).toLists();

  it.each([
    [
      "millions of characters XML forbids",
      `<c r="A1"><v>1</v></c><c r="A2"><v>${"\u0001".repeat(2_000_000)}</v></c>`,
    ],
    ["a million stray end tags", `<c r="A1"><v>1</v></c>${"</x>".repeat(1_000_000)}`],
    [
      "elements nested without end",
      `<c r="A1"><v>1</v></c>${'<c r="B1"><is><t>x'.repeat(100_000)}`,
    ],
  ])("should stop early on %s and keep the cells read before", (_, rows) => {
    const started = performance.now();
    const cells = cellsOf(sheet(`<row r="1">${rows}</row>`));
    expect([cells.values[0], performance.now() - started < 1000]).toEqual([1, true]);
  });
});
