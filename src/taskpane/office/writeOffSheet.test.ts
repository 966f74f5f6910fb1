import { describe, expect, it } from "vitest";
import { freeSheetName } from "./writeOffSheet";

describe("freeSheetName", () => {
  it("should add the first number that makes the name new, whatever the case of the names taken", () => {
    expect(freeSheetName("DSG write-off reconciliation", ["DSG write-off reconciliation"])).toBe(
      "DSG write-off reconciliation 2"
    );
    expect(
      freeSheetName("DSG write-off reconciliation", [
        "DSG write-off reconciliation",
        "dsg WRITE-OFF reconciliation 2",
      ])
    ).toBe("DSG write-off reconciliation 3");
  });

  it("should shorten the name to keep within Excel's 31 characters", () => {
    const name = "A sheet name of exactly 31 char";
    expect(name).toHaveLength(31);
    const taken = [
      name,
      ...Array.from({ length: 8 }, (_, i) => `A sheet name of exactly 31 ch ${i + 2}`),
    ];
    expect(freeSheetName(name, [name])).toBe("A sheet name of exactly 31 ch 2");
    expect(freeSheetName(name, taken)).toBe("A sheet name of exactly 31 c 10");
  });
});
