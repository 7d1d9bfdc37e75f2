import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.1 level A and AA, the level the web application promises. */
export const WCAG_21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly string[];
}

/**
 * Runs axe-core in the page (injected as a script; the page's CSP forbids scripts, so the browser
 * context bypasses CSP for the test) and returns the violations in a form worth printing.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (tags) => {
    interface AxeResult {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
    }
    const axe = (globalThis as unknown as { axe: { run: (options: unknown) => Promise<AxeResult> } }).axe;
    const result = await axe.run({ runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => `${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`),
    }));
  }, WCAG_21_AA_TAGS);
}

export function describeViolations(screen: string, violations: readonly AxeViolation[]): string {
  return violations.map((violation) => `[${screen}] ${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}\n  ${violation.nodes.join('\n  ')}`).join('\n');
}
