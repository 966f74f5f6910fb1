/**
 * The functions.json Excel will read, generated offline from the JSDoc exactly as the webpack plugin
 * does. Catches a function dropped by the generator (an arrow function, a type Excel cannot take) and
 * any change to what users type: ids, argument names and which arguments are optional.
 */
import { readFileSync } from "node:fs";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { beforeAll, describe, expect, it } from "vitest";
import { FUNCTION_CATALOGUE } from "../../src/taskpane/functionCatalogue";

interface Parameter {
  name: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
  description?: string;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: Parameter[];
  result: { type: string; dimensionality?: string };
}

// [name, type, dimensionality, optional]: "scalar" stands for the generator leaving dimensionality out.
type Expected = [string, "number" | "any", "scalar" | "matrix", boolean];
const money = (name: string): Expected => [name, "number", "scalar", false];
const range = (name: string, optional = false): Expected => [name, "any", "matrix", optional];
const optionalNumber = (name: string): Expected => [name, "number", "scalar", true];

const EXPECTED: Record<string, { parameters: Expected[]; result: [string, "scalar" | "matrix"] }> =
  {
    CUMULATIVE: {
      parameters: [
        money("opening"),
        range("in_year"),
        range("payments", true),
        range("contributions", true),
        range("adjustments", true),
      ],
      result: ["number", "matrix"],
    },
    RESIDUAL: {
      parameters: [
        money("opening"),
        range("in_year"),
        range("payments"),
        range("contributions", true),
        range("payment_status", true),
      ],
      result: ["number", "scalar"],
    },
    ELIGIBLE: {
      parameters: [range("figures"), optionalNumber("ineligible")],
      result: ["number", "scalar"],
    },
    HNSG: {
      parameters: [money("deficit"), optionalNumber("share"), optionalNumber("ineligible")],
      result: ["number", "scalar"],
    },
    EXPOSURE: {
      parameters: [
        money("deficit"),
        range("later_in_year"),
        optionalNumber("share"),
        optionalNumber("ineligible"),
      ],
      result: ["number", "scalar"],
    },
    CARRYCOST: {
      parameters: [money("opening"), range("closing"), range("rate")],
      result: ["number", "matrix"],
    },
    ROLLGAP: {
      parameters: [
        money("opening"),
        range("in_year"),
        range("payments"),
        range("contributions"),
        range("closing"),
      ],
      result: ["number", "matrix"],
    },
    BALANCEYEAR: { parameters: [range("years"), range("in_year")], result: ["string", "scalar"] },
    UPLIFT: {
      parameters: [money("base"), range("rates"), optionalNumber("periods")],
      result: ["number", "matrix"],
    },
    COST: {
      parameters: [range("caseload"), range("unit_cost"), range("inflation", true)],
      result: ["number", "matrix"],
    },
    AYTOFY: {
      parameters: [range("academic_year_values"), optionalNumber("months_before_april")],
      result: ["number", "matrix"],
    },
    FY: { parameters: [money("date")], result: ["string", "scalar"] },
    TRAJECTORY: {
      parameters: [
        money("start"),
        money("periods"),
        range("growth", true),
        range("new_plans", true),
        range("ceased", true),
        range("mitigation", true),
      ],
      result: ["number", "matrix"],
    },
  };

describe("functions.json generated from src/functions/functions.ts", () => {
  let errors: string[];
  let functions: FunctionMetadata[];

  beforeAll(async () => {
    const generated = await generateCustomFunctionsMetadata("src/functions/functions.ts");
    errors = generated.errors;
    functions = (JSON.parse(generated.metadataJson) as { functions: FunctionMetadata[] }).functions;
  });

  it("should generate without errors", () => {
    expect(errors).toEqual([]);
  });

  it("should declare exactly the catalogue's functions, in order", () => {
    expect(functions.map((f) => f.id)).toEqual(Object.keys(EXPECTED));
    expect(functions.map((f) => f.name)).toEqual(Object.keys(EXPECTED));
  });

  it("should list the same functions, in the same order, on the pane's Functions tab", () => {
    expect(FUNCTION_CATALOGUE.map((entry) => entry.id)).toEqual(functions.map((f) => f.id));
    for (const entry of FUNCTION_CATALOGUE) {
      const declared = functions.find((f) => f.id === entry.id)!;
      const args = declared.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
      expect(entry.signature).toBe(`DSG.${entry.id}(${args.join(", ")})`);
      expect(entry.example).toMatch(new RegExp(`^=DSG\\.${entry.id}\\(`));
    }
  });

  it.each(Object.entries(EXPECTED))("should declare %s's arguments and result", (id, expected) => {
    const declared = functions.find((f) => f.id === id)!;
    const parameters = declared.parameters.map((p): Expected => [
      p.name,
      p.type as Expected[1],
      (p.dimensionality ?? "scalar") as Expected[2],
      p.optional === true,
    ]);
    expect(parameters).toEqual(expected.parameters);
    expect([declared.result.type, declared.result.dimensionality ?? "scalar"]).toEqual(
      expected.result
    );
  });

  it.each(Object.keys(EXPECTED))(
    "should describe %s and each of its arguments, with a help page",
    (id) => {
      const declared = functions.find((f) => f.id === id)!;
      expect(declared.helpUrl).toBe(`https://localhost:3000/help/${id.toLowerCase()}.html`);
      expect(declared.description?.length).toBeGreaterThan(20);
      for (const p of declared.parameters)
        expect(p.description?.length, p.name).toBeGreaterThan(10);
    }
  );
});

describe("the help pages the helpUrls point to", () => {
  const page = (name: string) => readFileSync(`docs/functions/${name}`, "utf8");

  it.each(Object.keys(EXPECTED))(
    "should have a page for DSG.%s with its syntax, arguments, example and errors",
    (id) => {
      const html = page(`${id.toLowerCase()}.html`);
      expect(html).toContain(`<h1><code>DSG.${id}</code>`);
      expect(html).toContain(`=DSG.${id}(`);
      for (const [name] of EXPECTED[id].parameters) expect(html).toContain(`<code>${name}</code>`);
      for (const heading of ["Syntax", "Arguments", "Worked example", "Common errors"])
        expect(html).toContain(`<h2>${heading}</h2>`);
      expect(html).toContain('<link rel="stylesheet" href="help.css">');
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    }
  );

  it("should list every function on the index page", () => {
    const html = page("index.html");
    for (const id of Object.keys(EXPECTED))
      expect(html).toContain(`href="${id.toLowerCase()}.html"`);
  });
});
