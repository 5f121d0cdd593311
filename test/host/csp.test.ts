import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { cspHeader } from '../../src-main/host/csp.js';

const require = createRequire(import.meta.url);
// Google's CSP evaluator, as packaged for electronegativity: an independent judge of the policy.
const cspEvaluator = require('@doyensec/csp-evaluator') as {
  CspParser: new (csp: string) => { csp: unknown };
  CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): Array<{ severity: number; directive: string; description: string }> };
  Version: { CSP3: unknown };
  severities: Record<string, number>;
};

function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name, sources);
  }
  return map;
}

describe('cspHeader', () => {
  const policy = cspHeader();
  const d = directives(policy);

  it("starts from default-src 'self' and names each directive once", () => {
    expect(d.get('default-src')).toEqual(["'self'"]);
    const names = policy.split(';').map((p) => p.trim().split(/\s+/)[0]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('allows scripts only from the app itself: no eval, no inline, no data:', () => {
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toContain('wasm-unsafe-eval');
    expect(d.get('script-src')).toEqual(["'self'"]);
  });

  it('lets the renderer connect only to its own origin', () => {
    expect(d.get('connect-src')).toEqual(["'self'"]);
  });

  it('has no wildcard, no remote host and no http(s) source anywhere', () => {
    expect(policy).not.toMatch(/\*/);
    expect(policy).not.toMatch(/https?:/);
    expect(policy).not.toMatch(/wss?:/);
  });

  it('shuts plugins, <base>, forms, frames and framing', () => {
    for (const name of ['object-src', 'base-uri', 'form-action', 'frame-src', 'frame-ancestors']) {
      expect(d.get(name), name).toEqual(["'none'"]);
    }
  });

  it("keeps 'unsafe-inline' to style attributes only", () => {
    expect(d.get('style-src')).toEqual(["'self'"]);
    expect(d.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
    const withUnsafeInline = [...d].filter(([, sources]) => sources.includes("'unsafe-inline'")).map(([n]) => n);
    expect(withUnsafeInline).toEqual(['style-src-attr']);
  });

  it("passes Google's CSP evaluator with no high or medium finding", () => {
    const parsed = new cspEvaluator.CspParser(policy);
    const findings = new cspEvaluator.CspEvaluator(parsed.csp, cspEvaluator.Version.CSP3).evaluate();
    const { HIGH, MEDIUM, HIGH_MAYBE, SYNTAX } = cspEvaluator.severities;
    const serious = findings.filter((f) => f.severity === HIGH || f.severity === MEDIUM || f.severity === HIGH_MAYBE);
    expect(serious).toEqual([]);
    // The evaluator predates style-src-attr (CSP 3, Chromium 75+); that is its only syntax remark.
    const syntax = findings.filter((f) => f.severity === SYNTAX).map((f) => f.directive);
    expect(syntax).toEqual(['style-src-attr']);
  });

  it('adds a loopback WebSocket for web mode and refuses anything else', () => {
    expect(directives(cspHeader({ connectSrc: ['ws://127.0.0.1:43210'] })).get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:43210']);
    for (const bad of ['*', 'https://example.com', "ws://127.0.0.1:1; script-src 'unsafe-eval'", "'unsafe-eval'", 'ws://10.0.0.1:80']) {
      expect(() => cspHeader({ connectSrc: [bad] }), bad).toThrow(/loopback/);
    }
  });
});
