/**
 * The rule registry: every rule the validator runs, in the order of validator.md. Each rule lives in
 * its own file named by its id; add a rule by importing it and listing it here.
 */
import type { Rule } from "../rule";
import { templateRecognised } from "./template-recognised";
import { badValue } from "./bad-value";
import { rowUnclear } from "./row-unclear";
import { yearSequence } from "./year-sequence";
import { signConvention } from "./sign-convention";
import { balanceNotCleared } from "./balance-not-cleared";
import { hardcodedTotal } from "./hardcoded-total";
import { formulaPattern } from "./formula-pattern";
import { rollForward } from "./roll-forward";
import { openingBalance } from "./opening-balance";
import { blockTotal } from "./block-total";
import { blockResult } from "./block-result";
import { fundingAvailable } from "./funding-available";
import { blockSubtotals } from "./block-subtotals";
import { blockMovements } from "./block-movements";
import { schoolsBlockTransfer } from "./schools-block-transfer";
import { fundingUplift } from "./funding-uplift";
import { outturnAgrees } from "./outturn-agrees";
import { mitigationArithmetic } from "./mitigation-arithmetic";
import { mitigationDirection } from "./mitigation-direction";
import { svInstalments } from "./sv-instalments";
import { svLimits } from "./sv-limits";
import { hnsgSplit } from "./hnsg-split";
import { hnsgReconcile } from "./hnsg-reconcile";
import { ehcpTotals } from "./ehcp-totals";
import { ehcpPlacementsSum } from "./ehcp-placements-sum";
import { ehcpValues } from "./ehcp-values";
import { ehcpStockFlow } from "./ehcp-stock-flow";
import { unitCostJump } from "./unit-cost-jump";
import { svQuestions } from "./sv-questions";
import { svAssurance } from "./sv-assurance";
import { svSignoff } from "./sv-signoff";
import { dsgFormulasPresent } from "./dsg-formulas-present";
import { nameErrors } from "./name-errors";

export const RULES: readonly Rule<Record<string, number>>[] = [
  templateRecognised,
  badValue,
  rowUnclear,
  yearSequence,
  signConvention,
  rollForward,
  openingBalance,
  blockTotal,
  blockResult,
  fundingAvailable,
  blockSubtotals,
  blockMovements,
  schoolsBlockTransfer,
  outturnAgrees,
  mitigationArithmetic,
  mitigationDirection,
  ehcpTotals,
  ehcpPlacementsSum,
  ehcpValues,
  ehcpStockFlow,
  unitCostJump,
  fundingUplift,
  balanceNotCleared,
  svInstalments,
  svLimits,
  hnsgSplit,
  hnsgReconcile,
  hardcodedTotal,
  formulaPattern,
  dsgFormulasPresent,
  nameErrors,
  svQuestions,
  svAssurance,
  svSignoff,
];

// Rule ids are the public interface of the CLI's JSON output: a duplicate would make findings ambiguous.
RULES.forEach((rule, index) => {
  if (RULES.findIndex((other) => other.id === rule.id) !== index)
    throw new Error(`Rule id '${rule.id}' is registered twice`);
});
