/**
 * `--format junit`: JUnit XML for a CI's test report. A testsuite per file and a testcase per check of its
 * template: a check with errors fails (one <failure>, every error of the check in its text), a check that
 * did not run is skipped with what it needed, warnings and notes go to the testcase's <system-out>. A file
 * that could not be read is a testsuite whose one testcase (file-not-read) is in <error>.
 */
import type { CheckedFile, FileReport } from "../checkFile";
import { isUnreadable } from "../checkFile";
import type { Finding } from "../../validation/finding";
import { SEVERITY_LABEL, findingPlace } from "../../validation/report/findingsText";
import { FILE_NOT_READ, checksOfFile } from "./ruleCatalogue";
import { xmlAttributes, xmlText } from "./xml";

interface Suite {
  readonly xml: string;
  readonly tests: number;
  readonly failures: number;
  readonly errors: number;
  readonly skipped: number;
}

const findingText = (f: Finding) =>
  `${SEVERITY_LABEL[f.severity].title} ${findingPlace(f)}: ${f.message}`;

function testcase(file: string, check: string, body: string): string {
  const open = `    <testcase ${xmlAttributes({ classname: file, name: check, time: 0 })}`;
  return body === "" ? `${open}/>` : `${open}>\n${body}    </testcase>`;
}

function checkedSuite(report: CheckedFile): Suite {
  let failures = 0;
  let skipped = 0;
  const cases = checksOfFile(report).map((check) => {
    const findings = report.findings.filter((f) => f.rule === check);
    const errors = findings.filter((f) => f.severity === "error");
    const others = findings.filter((f) => f.severity !== "error");
    const notRun = report.checks.notRun.find((n) => n.rule === check);
    let body = "";
    if (notRun) {
      skipped++;
      body += `      <skipped ${xmlAttributes({ message: `needs ${notRun.needs.join(" and ")}` })}/>\n`;
    }
    if (errors.length > 0) {
      failures++;
      const message = errors.length === 1 ? errors[0].message : `${errors.length} errors`;
      body +=
        `      <failure ${xmlAttributes({ message, type: "error" })}>` +
        `${xmlText(errors.map(findingText).join("\n"))}</failure>\n`;
    }
    if (others.length > 0)
      body += `      <system-out>${xmlText(others.map(findingText).join("\n"))}</system-out>\n`;
    return testcase(report.file, check, body);
  });
  const counts = { tests: cases.length, failures, errors: 0, skipped };
  const properties = report.template
    ? `    <properties>\n      <property ${xmlAttributes({ name: "template", value: report.template.id })}/>\n    </properties>\n`
    : "";
  const xml =
    `  <testsuite ${xmlAttributes({ name: report.file, ...counts, time: 0 })}>\n` +
    properties +
    `${cases.join("\n")}\n  </testsuite>`;
  return { xml, ...counts };
}

function unreadableSuite(report: FileReport & { error: string }): Suite {
  const counts = { tests: 1, failures: 0, errors: 1, skipped: 0 };
  const body = `      <error ${xmlAttributes({ message: report.error, type: FILE_NOT_READ })}/>\n`;
  const xml =
    `  <testsuite ${xmlAttributes({ name: report.file, ...counts, time: 0 })}>\n` +
    `${testcase(report.file, FILE_NOT_READ, body)}\n  </testsuite>`;
  return { xml, ...counts };
}

export function formatJunit(reports: readonly FileReport[]): string {
  const suites = reports.map((r) => (isUnreadable(r) ? unreadableSuite(r) : checkedSuite(r)));
  const total = (key: "tests" | "failures" | "errors" | "skipped") =>
    suites.reduce((sum, s) => sum + s[key], 0);
  const attributes = xmlAttributes({
    name: "dsg-validate",
    tests: total("tests"),
    failures: total("failures"),
    errors: total("errors"),
    skipped: total("skipped"),
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${attributes}>`,
    ...suites.map((s) => s.xml),
    "</testsuites>",
    "",
  ].join("\n");
}
