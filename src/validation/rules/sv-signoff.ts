import { defineRule, type RuleReport } from "../rule";
import { isBlank, type LabelledField } from "../../templates/governance/fieldCell";
import type {
  ContactRole,
  SvOverview,
  SvSignOffBlock,
} from "../../templates/svReturn/svReturnModel";
import { plainText } from "../../templates/svReturn/svWording";
import type { Workbook } from "../../workbook/workbook";

/** A report when the labelled field is missing or empty, pointing at its value cell (or the overview). */
function missing(
  overview: SvOverview,
  field: LabelledField | undefined,
  what: string
): RuleReport[] {
  if (field === undefined)
    return [
      {
        message: `The overview has no field for the ${what}: add it and fill it in.`,
        at: overview.anchor,
      },
    ];
  return isBlank(field.value.value)
    ? [{ message: `The ${what} is empty: fill it in.`, at: field.value }]
    : [];
}

const OFFICERS: readonly { role: ContactRole; name: string }[] = [
  { role: "s151", name: "S151 officer" },
  { role: "dcs", name: "director of children's services" },
];

// Words naming each officer in a sign-off ("Darryl Freeman (DCS)", "Mark O'Neill, Section 151 Officer").
const ROLE_WORDS: Readonly<Partial<Record<ContactRole, RegExp>>> = {
  s151: /\b(?:s\.?\s*151|sec(?:t(?:ion)?)?\.?\s*151|chief\s+financ\w*|cfo|director\s+of\s+finance|finance\s+director)\b/i,
  // "Corporate Director for Children and Young People", "Corporate Director of People", "Executive Director
  // for Children, Families and Education": councils' own titles for the DCS.
  dcs: /\b(?:d\.?\s?c\.?\s?s\b|director,?\s+(?:(?:of|for)\s+)?(?:children|people|education)|children'?s\s+services)/i,
};

/** True when the sign-off itself (its cell, or its rows) names the officer by role. */
function signOffNames(overview: SvOverview, role: ContactRole, workbook: Workbook): boolean {
  const texts = [
    plainText(overview.signedOff?.value.value),
    ...(overview.signOffBlock?.names ?? []).map((cell) => rowText(workbook, cell.sheet, cell.row)),
  ];
  return texts.some((text) => ROLE_WORDS[role]?.test(text) === true);
}

/** Each officer who must sign off: named among the contacts (the name cell is checked when the label is there). */
function officers(overview: SvOverview, workbook: Workbook): RuleReport[] {
  return OFFICERS.flatMap(({ role, name }): RuleReport[] => {
    const contact = overview.contacts.find((c) => c.role === role);
    if (contact === undefined) {
      // Without a list of contacts, the combined "Signed off by S151 Officer & DCS" field may name both;
      // a sign-off that names the officer by role names them.
      if (overview.signedOff !== undefined && overview.contacts.length === 0) return [];
      if (signOffNames(overview, role, workbook)) return [];
      return [
        {
          message: `The overview does not name the ${name}, who must sign the return off: add '${role === "dcs" ? "DCS:" : "S151 Officer:"}' with their name and email to the key personnel.`,
          at: overview.keyPersonnel?.labelAt ?? overview.anchor,
        },
      ];
    }
    return isBlank(contact.name.value)
      ? [
          {
            message: `The ${name} is not named: enter who signs the return off as ${name}.`,
            at: contact.name,
          },
        ]
      : [];
  });
}

// "No", "N", "No - awaiting DCS", "Not yet signed", "Awaiting sign-off", "TBC": the return is not signed off.
// A name ("N. Smith", "Noah Smith") is a sign-off.
const NOT_SIGNED_OFF =
  /^(?:n|no|tbc|tba|n\/?a|to\s+follow|draft|unsigned|not\s+applicable|not\s+yet)$|^(?:no|not(?:\s+yet)?\s+signed|awaiting|pending|to\s+be\s+(?:signed|confirmed|agreed)|draft)(?=$|[\s.,;:!*()–—-])/i;
// A date not yet given: "TBC", "To be confirmed", "N/A", the template's "dd/mm/yyyy", "Please enter
// date", or a quarter rather than a day ("Q3 2024-25").
const NO_DATE =
  /^(?:date\s*[:-]?\s*)?(?:tbc|tba|n\/?a|not\s+applicable|pending|to\s+(?:be\s+confirmed|follow)|dd\/mm\/yy(?:yy)?|please\s+(?:enter|select|insert)|enter\s+date|q[1-4]\b)/i;
// An officer's part of a sign-off given as not done: "S151: Yes / DCS: No", "DCS - pending".
const OFFICER_DECLINED =
  /\b(?:s\.?\s*151|dcs|director|officer)\b[^;/,]*?[:\-–]\s*(?:no|not\b|pending|awaiting|tbc|to\s+follow)\b/i;
// A placeholder or a promise, not a sign-off: "Please select", "Unsigned draft", "Will be signed off at…".
// "S151 only – DCS to sign w/c 16 Dec": one officer still to sign.
const NOT_YET =
  /\b(?:please\s+select|unsigned|will\s+be\s+signed|to\s+be\s+signed|awaiting|pending|(?:signature|sign[\s-]?off)\s+to\s+follow|to\s+follow|to\s+sign|(?:s151|dcs)\s+only)\b/i;

// "See sign-off below", "See below", "Signed - see overleaf": the header's cell points to a sign-off block.
const POINTS_ELSEWHERE = /\b(?:see|below|overleaf|attached|as\s+follows)\b/i;

const NOT_SIGNED_OFF_MESSAGE =
  "The return is marked as not signed off by the S151 officer and the director of children's services.";

/**
 * The sign-off given in rows of its own below the header (names and dates, or a Name | Role | Date
 * table): signed when any name is filled in; one finding when every name is empty or says "No".
 */
// Who a sign-off row is for, by the words on it ("S151 Officer name", a Role column's "DCS").
const OFFICER_ROLE =
  /\b(?:s\.?\s*151|sec(?:t(?:ion)?)?\.?\s*151|chief\s+finance|d\.?\s?c\.?\s?s\b|director)/i;

/** The text of a row of the sheet, for telling whose sign-off it is. */
function rowText(workbook: Workbook, sheet: string, row: number): string {
  const found = workbook.sheets.find((s) => s.name === sheet);
  return (found?.values[row - found.top] ?? [])
    .map((v) => (typeof v === "string" ? v : ""))
    .join(" ");
}

function signOffBlock(block: SvSignOffBlock, workbook: Workbook): RuleReport[] {
  const given = block.names.filter((name) => !isBlank(name.value));
  const declined = given.find((name) => NOT_SIGNED_OFF.test(plainText(name.value)));
  if (declined !== undefined) return [{ message: NOT_SIGNED_OFF_MESSAGE, at: declined }];
  // Rows for each officer, one of them left empty: both must sign the return off. A row counts as signed
  // when any of its cells (name, signature) is filled in; a row that names no officer ("Signed:" beside a
  // signature's image) may be left empty.
  if (given.length > 0) {
    const rows = [...new Set(block.names.map((name) => name.row))];
    return rows.flatMap((row) => {
      const cells = block.names.filter((name) => name.row === row);
      if (cells.some((name) => !isBlank(name.value))) return [];
      if (!OFFICER_ROLE.test(rowText(workbook, cells[0].sheet, row))) return [];
      return [
        {
          message:
            "This sign-off row has no name: the S151 officer and the director of children's services must " +
            "both sign the return off. Fill in who signed it.",
          at: cells[0],
        },
      ];
    });
  }
  return [
    {
      message:
        "The sign-off by the S151 officer and the director of children's services is empty: fill in who signed the return off, in the sign-off rows or in the header's cell.",
      at: block.names[0],
    },
  ];
}

/** The combined "Signed off by S151 Officer & DCS" field, when the overview has one: filled and not "No". */
function signOff(overview: SvOverview, workbook: Workbook): RuleReport[] {
  const field = overview.signedOff;
  if (field === undefined) return [];
  const header = field.value.value;
  const block = overview.signOffBlock;
  if (block !== undefined && (isBlank(header) || POINTS_ELSEWHERE.test(plainText(header))))
    return signOffBlock(block, workbook);
  const said = plainText(header);
  if (NOT_SIGNED_OFF.test(said) || OFFICER_DECLINED.test(said) || NOT_YET.test(said)) {
    return [{ message: NOT_SIGNED_OFF_MESSAGE, at: field.value }];
  }
  // "Darryl Freeman (DCS)": a sign-off naming one officer by role, and not the other, lacks the other's.
  const named = OFFICERS.filter(({ role }) => ROLE_WORDS[role]?.test(said) === true);
  if (named.length === 1) {
    const other = OFFICERS.find((officer) => officer !== named[0])!;
    return [
      {
        message: `The sign-off names only the ${named[0].name}: the ${other.name} must sign the return off too. Add their name.`,
        at: field.value,
      },
    ];
  }
  return missing(
    overview,
    field,
    "sign-off by the S151 officer and the director of children's services"
  );
}

/** A date that no calendar has: "31/11/2024". */
function impossibleDate(text: string): boolean {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\s*$/.exec(text);
  if (match === null) return false;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const days = new Date(Date.UTC(year < 100 ? 2000 + year : year, month, 0)).getUTCDate();
  return month < 1 || month > 12 || day < 1 || day > days;
}

/** The date submitted written as one to come ("TBC", "N/A"): the return is dated when it is submitted. */
function dateNotGiven(overview: SvOverview): RuleReport[] {
  const cell = overview.dateSubmitted?.value;
  const text = plainText(cell?.value);
  if (cell === undefined || (!NO_DATE.test(text) && !impossibleDate(text))) return [];
  return [
    {
      message: `The date the report was submitted says '${text}', which is not a date: enter the date it is submitted.`,
      at: cell,
    },
  ];
}

/** The return's sign-off: when it was submitted and that the S151 officer and the DCS signed it off. */
export const svSignoff = defineRule({
  id: "sv-signoff",
  severity: "error",
  title: "Return dated and signed off",
  description:
    "The Safety Valve monitoring return must say when it was submitted and be signed off by the council's S151 " +
    "(chief finance) officer and its director of children's services. The published return heads its overview " +
    "'LA Name | Date Report Submitted | Signed off by S151 Officer & Director of Children's Services' with the " +
    "answers in the row below, and names the S151 officer and the DCS among its key personnel. A sign-off that " +
    "says No, N, Awaiting, Pending, To follow, TBC, To be confirmed, Draft or N/A is not one, nor is one naming a " +
    "single officer by role ('Darryl Freeman (DCS)'), nor a date submitted that says TBC or N/A. Where the header's cell is empty (or says 'See sign-off " +
    "below'), a sign-off given in rows below it counts: 'Signed off by: J Smith' and 'Date: 12/12/2024' rows, " +
    "'S151 Officer name' and 'Date signed' rows, or a Name | Role | Date table; where those rows give each officer a row, every one must name who signed. The finding points " +
    "at the empty date, sign-off or officer name cell, or at the overview when the field is missing altogether.",
  defaults: {},
  check({ template, workbook }) {
    const overview = template.svReturn?.overview;
    if (template.svReturn === undefined) return [];
    if (overview === undefined) {
      return [
        { message: "The return has no overview with the date submitted and the sign-off: add it." },
      ];
    }
    return [
      ...missing(overview, overview.dateSubmitted, "date the report was submitted"),
      ...dateNotGiven(overview),
      ...(overview.laName && isBlank(overview.laName.value.value)
        ? missing(overview, overview.laName, "name of the local authority")
        : []),
      ...signOff(overview, workbook),
      ...officers(overview, workbook),
    ];
  },
});
