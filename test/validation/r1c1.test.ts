import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formulaToR1C1, scanFormula, shiftFormula } from "../../src/validation/formulas/r1c1";
import {
  addedConstants,
  columnSum,
  mayRead,
  plainSumKey,
  withSumBottom,
} from "../../src/validation/formulas/shape";
import { columnLetters, parseA1 } from "../../src/workbook/address";

/** The 0-based cell of an A1 address. */
const cell = (address: string) => {
  const range = parseA1(address)!;
  return { row: range.top, col: range.left };
};

describe("formulaToR1C1", () => {
  it.each([
    ["=SUM(E10:E14)", "E15", "=SUM(R[-5]C:R[-1]C)"],
    ["=SUM(E10:E14)", "F15", "=SUM(R[-5]C[-1]:R[-1]C[-1])"],
    ["=$E$10+E$10+$E10", "E15", "=R10C5+R10C+R[-5]C5"],
    ["=sum( e10 : E14 ) + 1", "E15", "=SUM(R[-5]C:R[-1]C)+1"],
    [
      "='Financial summary'!E5-Summary!F5",
      "E15",
      "='FINANCIAL SUMMARY'!R[-10]C-SUMMARY!R[-10]C[1]",
    ],
    ["='It''s here'!A1", "A2", "='IT''S HERE'!R[-1]C"],
    ["=SUM(E:E)+SUM($F:G)", "E15", "=SUM(C:C)+SUM(C6:C[2])"],
    ["=SUM(10:14)+SUM($3:$4)", "E15", "=SUM(R[-5]:R[-1])+SUM(R3:R4)"],
    ['="E10 and "&E10&"R1C1"', "E15", '="E10 and "&R[-5]C&"R1C1"'],
    ['="say ""E10"""&E10', "E15", '="say ""E10"""&R[-5]C'],
    [
      "=LOG10(E10)+ATAN2(E10,E11)+DAYS360(A1,B1)",
      "E15",
      "=LOG10(R[-5]C)+ATAN2(R[-5]C,R[-4]C)+DAYS360(R[-14]C[-4],R[-14]C[-3])",
    ],
    ["=LOG10", "LOG11", "=R[-1]C"],
    ["=R1C1+RC+R2C", "E15", "=R1C1+RC+R2C"],
    ["=1E5+2.50+E5", "E15", "=100000+2.5+R[-10]C"],
    ["=#REF!+E10#", "E15", "=#REF!+R[-5]C#"],
    ["=Table1[[#This Row],[E10]]", "E15", "=TABLE1[[#THIS ROW],[E10]]"],
    ["=[1]Plan!E10", "E15", "=[1]PLAN!R[-5]C"],
    ["=E10:F11 F11:G12", "E15", "=R[-5]C:R[-4]C[1] R[-4]C[1]:R[-3]C[2]"],
    ["=IF(E10>0,E10,0)", "E15", "=IF(R[-5]C>0,R[-5]C,0)"],
  ])("should write %s at %s as %s", (formula, at, expected) => {
    expect(formulaToR1C1(formula, cell(at))).toBe(expected);
  });

  it("should mask typed numbers but not the numbers of references", () => {
    expect(formulaToR1C1("=E12*1.03", cell("F12"), { maskNumbers: true })).toBe("=RC[-1]*#");
    expect(formulaToR1C1("=E12*1.04", cell("F12"), { maskNumbers: true })).toBe("=RC[-1]*#");
  });

  it("should keep the text of every token, so the scan gives the formula back", () => {
    const formula = '=\'A b\'!$C$3 + SUM(E10:E14, 10:11, A:B) & "x""y" - LOG10(2) #REF!';
    expect(
      scanFormula(formula)
        .map((t) => t.text)
        .join("")
    ).toBe(formula);
  });
});

describe("shiftFormula", () => {
  it.each([
    ["=SUM(E10:E14)", 0, 1, "=SUM(F10:F14)"],
    ["=$E$10+E$10+$E10", 1, 1, "=$E$10+F$10+$E11"],
    ["=SUM(E:E)", 0, 1, "=SUM(F:F)"],
    ["=SUM(10:14)", 2, 5, "=SUM(12:16)"],
    ['="E10"&E10', 0, 1, '="E10"&F10'],
    ["=LOG10(Z9)", 0, 1, "=LOG10(AA9)"],
    ["=A1", 0, -1, null],
  ] as const)("should move %s by %i rows and %i columns", (formula, rows, cols, expected) => {
    expect(shiftFormula(formula, rows, cols)).toBe(expected);
  });
});

describe("formula shapes", () => {
  it.each([
    ["=SUM(E10:E14)", { top: 9, bottom: 13, col: 4 }],
    ["=SUM($E$14:E10)", { top: 9, bottom: 13, col: 4 }],
    ["=SUM(E10)", { top: 9, bottom: 9, col: 4 }],
    ["=SUM(E10:F14)", null],
    ["=SUM(E10:E14)+1", null],
    ["=SUM(Plan!E10:E14)", null],
    ["=E10+E11", null],
  ] as const)("should read %s as a column SUM: %o", (formula, expected) => {
    expect(columnSum(formula)).toEqual(expected);
  });

  it("should extend a SUM to a new last row, keeping its $", () => {
    expect(withSumBottom("=SUM(E10:E$13)", 13)).toBe("=SUM(E10:E$14)");
    expect(withSumBottom("=SUM(E10)", 10)).toBe("=SUM(E10:E11)");
  });

  it.each([
    ["=SUM(E10:E14)+250", [250]],
    ["=E10-E11-0.5", [-0.5]],
    ["=SUM(E10:E14,3)", [3]],
    ["=-5+E10", [-5]],
    ["=E10+(E11-2)", [-2]],
    ["=E10--2", [2]],
    ["=12.3+4.5", [12.3, 4.5]],
    ["=E12*1.03", []],
    ["=E10/1000", []],
    ["=E10*-1", []],
    ["=(E10+2)*3", []],
    ["=E5*(1+E6)", []],
    ["=ROUND(SUM(E1:E3),3)", []],
    ["=IF(E5>0,E5+1,0)", []],
    ["=E10+5%", []],
    ["=E10+0", []],
    ["=SUM({1,2,3})", []],
    ['=E10&"+5"', []],
  ] as const)("should find the typed numbers %s adds: %o", (formula, expected) => {
    expect(addedConstants(formula)).toEqual(expected);
  });

  it("should see two ways of writing one addition as the same sum", () => {
    const at = cell("E12");
    expect(plainSumKey("=E10+E11", at)).toBe(plainSumKey("=SUM(E10:E11)", at));
    expect(plainSumKey("=E11+E10", at)).toBe(plainSumKey("=SUM(E10,E11)", at));
    expect(plainSumKey("=E10-E11", at)).toBeNull();
    expect(plainSumKey("=E10+$E11", at)).not.toBe(plainSumKey("=E10+E11", at));
  });

  it("should tell whether a formula may read given rows of a column", () => {
    expect(mayRead("=SUM(E10:E12)", 4, 10, 10)).toBe(true);
    expect(mayRead("=E9", 4, 10, 12)).toBe(false);
    expect(mayRead("=Other!E11", 4, 10, 12)).toBe(false);
    expect(mayRead("=SUM(E:E)", 4, 10, 12)).toBe(true);
  });
});

// ---- property tests ----------------------------------------------------------------------------

/** A reference generated with its target cell, so its A1 text can be written at any anchor. */
interface Ref {
  readonly row: number;
  readonly col: number;
  readonly absRow: boolean;
  readonly absCol: boolean;
}

const ref: fc.Arbitrary<Ref> = fc.record({
  row: fc.integer({ min: 0, max: 200 }),
  col: fc.integer({ min: 0, max: 60 }),
  absRow: fc.boolean(),
  absCol: fc.boolean(),
});

/** A formula piece: its A1 text for a formula anchored `by` columns to the right of where it was made. */
type Piece = (by: number) => string;

const refText = (r: Ref, by: number, lower: boolean) => {
  const letters = columnLetters(r.col + (r.absCol ? 0 : by));
  return `${r.absCol ? "$" : ""}${lower ? letters.toLowerCase() : letters}${r.absRow ? "$" : ""}${r.row + 1}`;
};

const cellPiece: fc.Arbitrary<Piece> = fc.tuple(ref, fc.boolean()).map(
  ([r, lower]) =>
    (by: number) =>
      refText(r, by, lower)
);
const rangePiece: fc.Arbitrary<Piece> = fc.tuple(ref, ref).map(
  ([a, b]) =>
    (by: number) =>
      `${refText(a, by, false)}:${refText(b, by, false)}`
);
const columnsPiece: fc.Arbitrary<Piece> = fc.tuple(ref, ref).map(
  ([a, b]) =>
    (by: number) =>
      `${a.absCol ? "$" : ""}${columnLetters(a.col + (a.absCol ? 0 : by))}:` +
      `${b.absCol ? "$" : ""}${columnLetters(b.col + (b.absCol ? 0 : by))}`
);
const rowsPiece: fc.Arbitrary<Piece> = fc.tuple(ref, ref).map(
  ([a, b]) =>
    () =>
      `${a.absRow ? "$" : ""}${a.row + 1}:${b.absRow ? "$" : ""}${b.row + 1}`
);
const sheetName = fc.constantFrom(
  "'Financial summary'!",
  "Summary!",
  "'It''s 2024-25'!",
  "[1]Plan!"
);
const sheetPiece: fc.Arbitrary<Piece> = fc.tuple(sheetName, fc.oneof(cellPiece, rangePiece)).map(
  ([sheet, piece]) =>
    (by: number) =>
      `${sheet}${piece(by)}`
);
const fixed = (texts: readonly string[]): fc.Arbitrary<Piece> =>
  fc.constantFrom(...texts).map((text) => () => text);
// Texts that look like references but are not: strings, names, R1C1 forms, numbers with exponents.
const lookalike = fixed([
  '"E10"',
  '"$A$1:B2"',
  '"it""s E5"',
  "R1C1",
  "RC",
  "R2C",
  "TRUE",
  "1E5",
  "2.5",
  "0.5E-3",
  "#REF!",
  "#N/A",
  "Uplift_2024",
]);
const operand = fc.oneof(cellPiece, rangePiece, columnsPiece, rowsPiece, sheetPiece, lookalike);
const operator = fc.constantFrom("+", "-", "*", "/", "&", " + ", ",", " ");
const functionName = fc.constantFrom(
  "SUM",
  "LOG10",
  "ATAN2",
  "DAYS360",
  "DEC2BIN",
  "_xlfn.STDEV.S",
  "IF"
);

const expression: fc.Arbitrary<Piece> = fc.letrec<{ expr: Piece; call: Piece }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    operand,
    fc.tuple(tie("expr"), operator, tie("expr")).map(
      ([a, op, b]) =>
        (by: number) =>
          `${a(by)}${op}${b(by)}`
    ),
    tie("call")
  ),
  call: fc.tuple(functionName, fc.array(tie("expr"), { minLength: 1, maxLength: 3 })).map(
    ([name, args]) =>
      (by: number) =>
        `${name}(${args.map((a) => a(by)).join(",")})`
  ),
})).expr;

/** An anchor cell for the formula, far enough right for a shift of one column to stay on the sheet. */
const anchor = fc.record({
  row: fc.integer({ min: 0, max: 300 }),
  col: fc.integer({ min: 0, max: 80 }),
});

describe("formulaToR1C1 (properties)", () => {
  it("should give a formula and its copy one column to the right the same R1C1 form", () => {
    fc.assert(
      fc.property(expression, anchor, (piece, at) => {
        const formula = `=${piece(0)}`;
        const copied = shiftFormula(formula, 0, 1)!;
        expect(copied.toUpperCase()).toBe(`=${piece(1)}`.toUpperCase());
        expect(formulaToR1C1(copied, { row: at.row, col: at.col + 1 })).toBe(
          formulaToR1C1(formula, at)
        );
      }),
      { numRuns: 500 }
    );
  });

  it("should give the same R1C1 form for any copy of a formula, down or across", () => {
    fc.assert(
      fc.property(
        expression,
        anchor,
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 20 }),
        (piece, at, rows, cols) => {
          const formula = `=${piece(0)}`;
          const copied = shiftFormula(formula, rows, cols)!;
          expect(formulaToR1C1(copied, { row: at.row + rows, col: at.col + cols })).toBe(
            formulaToR1C1(formula, at)
          );
        }
      ),
      { numRuns: 300 }
    );
  });

  it("should tell a formula from its copy that points one column further", () => {
    fc.assert(
      fc.property(cellPiece, anchor, (piece, at) => {
        const formula = `=${piece(0)}`;
        const moved = shiftFormula(formula, 0, 1)!;
        fc.pre(moved.toUpperCase() !== formula.toUpperCase()); // an absolute column does not move
        expect(formulaToR1C1(moved, at)).not.toBe(formulaToR1C1(formula, at));
      })
    );
  });

  it("should keep text in quotes exactly and give every token's text back", () => {
    fc.assert(
      fc.property(fc.string(), expression, (text, piece) => {
        const quoted = `"${text.replace(/"/g, '""')}"`;
        const formula = `=${piece(0)}&${quoted}`;
        expect(
          scanFormula(formula)
            .map((t) => t.text)
            .join("")
        ).toBe(formula);
        expect(formulaToR1C1(formula, { row: 5, col: 5 }).endsWith(`&${quoted}`)).toBe(true);
        expect(shiftFormula(formula, 3, 2)!.endsWith(`&${quoted}`)).toBe(true);
      })
    );
  });
});

describe("columns counted in years", () => {
  // Years in C, D, F and G, with a spacer (or budget) column E between 2024-25 and 2025-26.
  const years = new Map([
    [2, 0],
    [3, 1],
    [5, 2],
    [6, 3],
  ]);
  const yearOf = (col: number) => years.get(col);

  it("writes last year's column as Y[-1] across a spacer, and others as before", () => {
    expect(formulaToR1C1("=D11", { row: 6, col: 5 }, { yearOf })).toBe("=R[4]Y[-1]");
    expect(formulaToR1C1("=C11", { row: 6, col: 3 }, { yearOf })).toBe("=R[4]Y[-1]");
    expect(formulaToR1C1("=E11+$B$2", { row: 6, col: 5 }, { yearOf })).toBe("=R[4]C[-1]+R2C2");
  });
});
