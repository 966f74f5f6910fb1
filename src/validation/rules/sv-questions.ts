import { defineRule, type RuleReport } from "../rule";
import { quoted } from "../at";
import { isBlank } from "../../templates/governance/fieldCell";
import type { SvQuestion } from "../../templates/svReturn/svReturnModel";
import { readYesNo } from "../../templates/svReturn/svWording";

// Questions are long; messages quote their start so the user recognises the row.
const QUOTE_LENGTH = 70;

function question(q: SvQuestion): string {
  return quoted(q.text, QUOTE_LENGTH);
}

// A commentary that says nothing: "N/A", a dash, "None", "TBC".
const NO_COMMENTARY = /^\s*(?:n\/?a|[-–—]|none|nil|tbc|see above)\s*\.?\s*$/i;

/** "N/A – no capital bid": a council without a Safety Valve capital project answers its question so. */
function notApplicable(q: SvQuestion): boolean {
  return (
    /capital/i.test(q.text) && /^\s*(?:n\/a|na|not applicable)\b/i.test(String(q.answer.value))
  );
}

function checkQuestion(q: SvQuestion): RuleReport[] {
  const { answer, commentary } = q;
  if (isBlank(answer.value)) {
    return [
      {
        message: `The on-track question ${question(q)} has no answer: enter Yes or No.`,
        at: answer,
      },
    ];
  }
  // "Y", "No." and "No - see commentary" answer the question: the DfE reads the yes or no they start with.
  const said = readYesNo(answer.value);
  if (said === undefined && !notApplicable(q)) {
    return [
      {
        message: `The on-track question ${question(q)} is answered '${String(answer.value).trim()}': the DfE asks for Yes or No.`,
        at: answer,
      },
    ];
  }
  if (
    said === "no" &&
    (isBlank(commentary.value) || NO_COMMENTARY.test(String(commentary.value)))
  ) {
    return [
      {
        message: `The on-track question ${question(q)} is answered No but has no commentary: say what is off track and what is being done.`,
        at: commentary,
      },
    ];
  }
  return [];
}

/** The on-track questions of the Safety Valve return: each answered Yes or No, and every No explained. */
export const svQuestions = defineRule({
  id: "sv-questions",
  severity: "error",
  title: "On-track questions answered",
  description:
    "The Safety Valve monitoring return asks whether the plan is on track (the in-year projected deficit, a £0 " +
    "deficit by the end of the agreement, the capital project). Each question must be answered Yes or No, and " +
    "every No needs a commentary explaining what is off track and what the council is doing about it. Y and N, " +
    "a yes or no followed by words ('No - see commentary'), On track and Off track, and a checkbox are answers; " +
    "so is N/A to the capital project's question, for a council without one. " +
    "The finding points at the empty or unclear answer, or at the missing commentary.",
  defaults: {},
  check({ template }) {
    return (template.svReturn?.questions ?? []).flatMap(checkQuestion);
  },
});
