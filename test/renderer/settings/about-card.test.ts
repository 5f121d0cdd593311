/**
 * About says plainly what is Genesys's and what is the tool's: PXZ-1 and csmock/1 are stand-ins,
 * real GAX tokens cannot be decoded or verified here, and what the tool checks on real systems.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import AboutCard from '../../../src-renderer/components/settings/AboutCard.svelte';
import { AppSettings } from '../../../src-renderer/lib/settings/app-settings.svelte.js';

afterEach(() => cleanup());

describe('About', () => {
  it("separates Genesys's documents from the tool's model, each with its label", async () => {
    render(AboutCard, { props: { settings: new AppSettings() } });
    const whose = screen.getByTestId('about-whose');
    const words = (whose.textContent ?? '').replace(/\s+/g, ' ');
    expect(words).toMatch(/real GAX tokens cannot be decoded or verified here/);
    expect(words).toMatch(/option files \(Doctor\), reachability, TLS and clocks/);
    const genesys = within(whose).getByRole('button', { name: /^Genesys doc/ });
    within(whose).getByRole('button', { name: /^tool's model/ });
    await fireEvent.click(genesys);
    // the title comes with the source registry, loaded when a label is first reached
    await waitFor(() => expect(whose.textContent).toContain('GAX Deployment Guide'));
  });
});
