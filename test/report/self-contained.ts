/**
 * What every report must be: one file that needs nothing else — no script, nothing fetched, nothing
 * linked outside. Input is escaped, so every "<" left in the file opens one of the report's own
 * tags: the checks look at tags (and the style sheet), where an attribute would act.
 */
import { expect } from 'vitest';

export function tagsOf(html: string): string[] {
  return html.match(/<[^>]*>/g) ?? [];
}

export function expectSelfContained(html: string): void {
  expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  expect(html).not.toMatch(/<script/i);
  const tags = tagsOf(html);
  expect(tags.length).toBeGreaterThan(20);
  for (const tag of tags) {
    expect(tag).not.toMatch(/\son[a-z]+\s*=/i); // no inline event handler
    expect(tag).not.toMatch(/\s(src|href|action|srcset|poster|data|xlink:href|formaction)\s*=/i);
    expect(tag).not.toMatch(/^<\/?(link|iframe|object|embed|img|base|form|svg|video|audio|source)\b/i);
  }
  const style = html.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? '';
  expect(style).not.toMatch(/url\(|@import|@font-face/i);
  expect(html).not.toMatch(/https?:\/\//i);
  expect(style).toMatch(/@media print/);
  expect(html).toContain("default-src 'none'");
}
