/**
 * A source label shows whose word a claim is at once, from its kind alone; the registry of titles
 * loads only when a label is first reached (pointer, focus or click), so the first paint does not
 * carry it, and then the tooltip and the opened line name the document.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import SourceLabel from '../../../src-renderer/components/shared/SourceLabel.svelte';

afterEach(() => cleanup());

describe('SourceLabel', () => {
  it('says the kind before anything loads, and names the document once reached', async () => {
    render(SourceLabel, { props: { source: { kind: 'genesys', id: 'GAX-SECURE' } } });
    const chip = screen.getByRole('button', { name: 'Genesys doc — show the source' });
    expect(chip.textContent?.trim()).toBe('Genesys doc');
    expect(chip.title).toBe('Genesys doc');
    await fireEvent.pointerEnter(chip);
    await waitFor(() => expect(chip.title).toMatch(/^Genesys doc: GAX Deployment Guide.*\(.+\)$/));
    await fireEvent.click(chip);
    expect(screen.getByRole('button', { name: 'Genesys doc — hide the source' }).getAttribute('aria-expanded')).toBe('true');
    expect(document.querySelector('.source-label .title')?.textContent).toMatch(/GAX Deployment Guide/);
  });

  it("the tool's model and advice say so in their label", () => {
    render(SourceLabel, { props: { source: { kind: 'model', id: 'PXZ-1' } } });
    render(SourceLabel, { props: { source: { kind: 'advice', id: 'TOOL-ADVICE' } } });
    expect(screen.getByRole('button', { name: "tool's model — show the source" })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'advice — show the source' })).toBeTruthy();
  });
});
