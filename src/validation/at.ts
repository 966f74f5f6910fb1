/** Small helpers rules share to point at located cells. */
import type { LocatedCell, LocatedRow } from "../templates/located";
import type { Location } from "./rule";

/** The location of one cell of a located row. */
export function cellLocation(row: LocatedRow, cell: LocatedCell): Location {
  return { sheet: row.sheet, row: cell.row, col: cell.col };
}
