/** `collectAudit`: the five checks over gathered facts; pure, so every pass/fail rule is tested on hand-made facts. */
import type { AuditCheck, AuditFacts, AuditReport } from './contract';
import { auditMessage as m } from './messages';

/**
 * The audit report: one check per concern, each with what was found and, when it failed, the fix.
 *
 * @example
 * collectAudit(facts).checks.filter((c) => !c.passed).map((c) => c.fix)
 */
export function collectAudit(facts: AuditFacts): AuditReport {
  const checks = [piiCheck(facts), fairnessCheck(facts), cardCheck(facts), lineageCheck(facts), approvalsCheck(facts)];
  return { kind: 'modelbook.audit', version: 1, subject: facts.subject, checks, passed: checks.every((c) => c.passed) };
}

function piiCheck({ pii }: AuditFacts): AuditCheck {
  const identifiers = pii.scanned.flatMap((f) => f.identifiers.map((i) => ({ ...i, file: f.file })));
  if (identifiers.length) {
    return {
      name: 'pii',
      passed: false,
      detail: m.piiIdentifiers(identifiers.map((i) => `${i.file}: ${i.column} (${i.what})`).join('; ')),
      fix: m.piiFix([...new Set(identifiers.map((i) => i.column))]),
    };
  }
  if (pii.scanned.length === 0) return { name: 'pii', passed: false, detail: m.piiNothing(pii.unscanned), fix: m.piiNothingFix };
  const sensitive = [...new Set(pii.scanned.flatMap((f) => f.sensitive.map((s) => `${s.column} (${s.what})`)))].join(', ');
  return {
    name: 'pii',
    passed: true,
    detail: m.piiClean(
      pii.scanned.map((f) => f.file),
      sensitive,
    ),
  };
}

function fairnessCheck({ fairness: f }: AuditFacts): AuditCheck {
  if (!f.evaluationRun) return { name: 'fairness', passed: false, detail: m.fairnessNoEvaluation, fix: m.fairnessNoEvaluationFix };
  const by = f.declaredBy === 'problem' ? 'the problem definition' : f.declaredBy === 'governance' ? '.modelbook/governance.json' : '';
  if (f.declared.length) {
    const missing = f.declared.filter((a) => !f.evaluated.includes(a));
    return missing.length
      ? { name: 'fairness', passed: false, detail: m.fairnessMissing(missing, by), fix: m.fairnessMissingFix(missing) }
      : { name: 'fairness', passed: true, detail: m.fairnessPresent(f.declared, by) };
  }
  return f.evaluated.length ? { name: 'fairness', passed: true, detail: m.fairnessPresent(f.evaluated, '') } : { name: 'fairness', passed: false, detail: m.fairnessNone, fix: m.fairnessNoneFix };
}

function cardCheck({ card }: AuditFacts): AuditCheck {
  if (!card.path) return { name: 'card', passed: false, detail: m.cardAbsent(card.packagePath), fix: m.cardAbsentFix(card.packagePath) };
  if (card.missingSections?.length) return { name: 'card', passed: false, detail: m.cardMissingSections(card.path, card.missingSections), fix: m.cardMissingSectionsFix };
  return { name: 'card', passed: true, detail: m.cardPresent(card.path) };
}

function lineageCheck({ lineage }: AuditFacts): AuditCheck {
  return lineage.complete
    ? { name: 'lineage', passed: true, detail: m.lineageComplete(lineage.nodes.length) }
    : { name: 'lineage', passed: false, detail: m.lineageGaps(lineage.gaps.length), fix: lineage.gaps.join(' · ') };
}

function approvalsCheck({ approvals: a }: AuditFacts): AuditCheck {
  if (a.required.length === 0) return { name: 'approvals', passed: true, detail: m.approvalsNone };
  if (a.missing.length) return { name: 'approvals', passed: false, detail: m.approvalsMissing(a.missing, a.older), fix: m.approvalsFix(a.ref, a.missing) };
  return { name: 'approvals', passed: true, detail: m.approvalsPresent(a.required) };
}
