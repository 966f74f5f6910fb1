/**
 * Writes .xlsx packages straight from XML text with node's zlib and a minimal ZIP container, for files no
 * spreadsheet library would write: parts that repeat one block of XML millions of times (a few KB on
 * disk, gigabytes unzipped), ZIP directories that lie about sizes and checksums, several sheets on one
 * part, parts in other encodings. Also fast enough to write the benchmark's 600,000-cell workbook.
 */
import { constants, crc32, deflateRawSync } from "node:zlib";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** One block of XML repeated `times` times between a head and a tail: compressed once, written many times. */
export interface Repeated {
  readonly head: string;
  readonly repeat: string;
  readonly times: number;
  readonly tail: string;
}

export type Content = string | Uint8Array | Repeated;

export interface RawEntry {
  readonly name: string;
  readonly content: Content;
  /** Stored entries are not compressed (deflated is the default). */
  readonly store?: boolean;
  /** Values to write in the ZIP directory instead of the true ones (for damaged and lying files). */
  readonly declaredSize?: number;
  readonly declaredCrc?: number;
  /** zlib level (default 6). */
  readonly level?: number;
}

const bytes = (text: string | Uint8Array) =>
  typeof text === "string" ? Buffer.from(text, "utf8") : Buffer.from(text);

/** A raw DEFLATE stream that can be continued: a sync-flushed, non-final piece. */
const piece = (data: Buffer, level: number) =>
  deflateRawSync(data, { level, finishFlush: constants.Z_SYNC_FLUSH });
/** The final block of a DEFLATE stream: an empty block of fixed codes with BFINAL set. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

interface Packed {
  readonly data: Buffer;
  readonly size: number;
  readonly crc: number;
}

function pack(entry: RawEntry): Packed {
  const { content, store } = entry;
  const level = entry.level ?? 6;
  if (typeof content === "string" || content instanceof Uint8Array) {
    const raw = bytes(content);
    return {
      data: store ? raw : deflateRawSync(raw, { level }),
      size: raw.length,
      crc: crc32(raw),
    };
  }
  const head = bytes(content.head);
  const block = bytes(content.repeat);
  const tail = bytes(content.tail);
  // A checksum the entry overrides is not worked out (3 GB take a second).
  let crc = entry.declaredCrc ?? 0;
  if (entry.declaredCrc === undefined) {
    crc = crc32(head);
    for (let i = 0; i < content.times; i++) crc = crc32(block, crc);
    crc = crc32(tail, crc);
  }
  const size = head.length + block.length * content.times + tail.length;
  if (store) {
    return {
      data: Buffer.concat([head, ...Array<Buffer>(content.times).fill(block), tail]),
      size,
      crc,
    };
  }
  const compressedBlock = piece(block, 9);
  return {
    data: Buffer.concat([
      piece(head, level),
      ...Array<Buffer>(content.times).fill(compressedBlock),
      piece(tail, level),
      FINAL_BLOCK,
    ]),
    size,
    crc,
  };
}

/** A ZIP archive of the entries, in order (sizes and checksums as each entry declares them). */
export function zipArchive(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const { data, size, crc } = pack(entry);
    const name = Buffer.from(entry.name, "utf8");
    const method = entry.store ? 0 : 8;
    const declaredSize = entry.declaredSize ?? size;
    const declaredCrc = entry.declaredCrc ?? crc;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(declaredCrc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(declaredCrc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export interface RawSheet {
  readonly name: string;
  readonly state?: "hidden" | "veryHidden";
  /** The worksheet part (whole XML); sheets may share one by giving the same `part`. */
  readonly xml?: Content;
  /** Package path of the sheet's part (default xl/worksheets/sheetN.xml). */
  readonly part?: string;
  /** Escapes the name for workbook.xml (default: XML entities only). */
  readonly rawName?: boolean;
}

export interface RawWorkbook {
  readonly sheets: readonly RawSheet[];
  readonly sharedStrings?: Content;
  readonly styles?: Content;
  /** Replaces an entry by name after the package is laid out (e.g. to damage it). */
  readonly override?: (entry: RawEntry) => RawEntry;
  readonly extra?: readonly RawEntry[];
  readonly level?: number;
}

export const xmlText = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Wraps rows of <row> XML in a worksheet part. */
export const worksheetXml = (rows: string, after = "") =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><sheetData>${rows}</sheetData>${after}</worksheet>`;

/** A shared string table of the given texts. */
export const sharedStringsXml = (texts: readonly string[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${texts.length}" uniqueCount="${texts.length}">${texts
    .map((t) => `<si><t xml:space="preserve">${xmlText(t)}</t></si>`)
    .join("")}</sst>`;

/** A style sheet whose cell style i has number format `formats[i]` (style 0 is General). */
export const stylesXml = (formats: readonly string[]) => {
  const custom = formats.map((code, i) => ({ id: 164 + i, code }));
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}">` +
    `<numFmts count="${custom.length}">${custom.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${xmlText(f.code)}"/>`).join("")}</numFmts>` +
    `<cellXfs count="${formats.length + 1}"><xf numFmtId="0"/>${custom.map((f) => `<xf numFmtId="${f.id}" applyNumberFormat="1"/>`).join("")}</cellXfs></styleSheet>`
  );
};

/** The entries of an .xlsx package: content types, relationships, workbook, sheets, strings, styles. */
export function xlsxEntries(book: RawWorkbook): RawEntry[] {
  const parts = new Map<string, Content | undefined>();
  const targets = book.sheets.map((sheet, i) => {
    const part = sheet.part ?? `xl/worksheets/sheet${i + 1}.xml`;
    if (!parts.has(part) || sheet.xml !== undefined) parts.set(part, sheet.xml);
    return part;
  });
  const sheetList = book.sheets
    .map(
      (sheet, i) =>
        `<sheet name="${sheet.rawName ? sheet.name : xmlText(sheet.name)}" sheetId="${i + 1}"${sheet.state ? ` state="${sheet.state}"` : ""} r:id="rId${i + 1}"/>`
    )
    .join("");
  const rels = targets.map(
    (target, i) =>
      `<Relationship Id="rId${i + 1}" Type="${DOC_RELS}/worksheet" Target="${target.replace(/^xl\//, "")}"/>`
  );
  if (book.sharedStrings !== undefined)
    rels.push(
      `<Relationship Id="rIdS" Type="${DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/>`
    );
  if (book.styles !== undefined)
    rels.push(`<Relationship Id="rIdT" Type="${DOC_RELS}/styles" Target="styles.xml"/>`);
  const level = book.level;
  const entries: RawEntry[] = [
    {
      name: "[Content_Types].xml",
      content:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    },
    {
      name: "_rels/.rels",
      content: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      content: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><sheets>${sheetList}</sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      content: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS}">${rels.join("")}</Relationships>`,
    },
    ...[...parts].map(([name, xml]) => ({ name, content: xml ?? worksheetXml(""), level })),
  ];
  if (book.sharedStrings !== undefined)
    entries.push({ name: "xl/sharedStrings.xml", content: book.sharedStrings, level });
  if (book.styles !== undefined)
    entries.push({ name: "xl/styles.xml", content: book.styles, level });
  entries.push(...(book.extra ?? []));
  return book.override ? entries.map(book.override) : entries;
}

/** The bytes of an .xlsx package. */
export function rawXlsx(book: RawWorkbook): Buffer {
  return zipArchive(xlsxEntries(book));
}
