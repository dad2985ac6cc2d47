// The accessibility audit of one screen: axe-core (tests/package.json) run inside the page
// against WCAG 2.0, 2.1 and 2.2 levels A and AA. Any violation fails, listed so that it can be
// fixed without re-running anything: the rule, its impact, the elements and what axe says.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const AXE_SOURCE = readFileSync(AXE_PATH, 'utf8');

/** WCAG 2.2 A/AA, everything axe knows how to check for them (axe files WCAG 2.2's level-A
 * additions under no rule of its own: `wcag22aa` holds what it checks of 2.2). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Puts axe into the page once. The app is served with a strict CSP (`script-src 'self'`), which
 * rightly refuses `page.addScriptTag({ path })` (an inline script); the source is evaluated over
 * the DevTools protocol instead, which the CSP does not govern. So the audited page runs under its
 * real CSP, with no `bypassCSP`, and a CSP problem of the app would still show. */
async function inject(page) {
  const present = await page.evaluate(() => typeof window.axe === 'object').catch(() => false);
  if (!present) await page.evaluate(AXE_SOURCE);
}

/** Runs axe on the whole document and returns the violations, as plain data. */
export async function violations(page) {
  await inject(page);
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  }, WCAG_TAGS);
}

/** A readable list of violations: one line per rule, then one per element. */
export function describe(found) {
  return found
    .map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes
      .map((n) => `      ${n.target}\n        ${(n.summary ?? '').replace(/\n\s*/g, ' / ')}`)
      .join('\n')}`)
    .join('\n');
}

/** Fails the test on any WCAG 2.2 A/AA violation of the screen as it is now. */
export async function audit(page, screen) {
  const found = await violations(page);
  assert.equal(found.length, 0, `${screen}: ${found.length} WCAG violation(s)\n${describe(found)}`);
}
