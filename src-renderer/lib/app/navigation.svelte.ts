/**
 * Which view is shown. The view is kept in the URL fragment (`#/tokens`) so a reload, a bookmark or
 * Back returns to it; the web-mode key is the fragment's other parameter and is left alone.
 */
export const VIEWS = [
  { id: 'setup', label: 'Set up', description: 'Enable token authentication step by step' },
  { id: 'tokens', label: 'Tokens', description: 'Mint, inspect and watch tokens' },
  { id: 'server', label: 'Server', description: 'Run the mock Configuration Server' },
  { id: 'connect', label: 'Connect', description: 'Log in as GAX and trace each step' },
  { id: 'doctor', label: 'Doctor', description: 'Diagnose exported option files' },
  { id: 'labs', label: 'Labs', description: 'Training scenarios, checks of your fix, classroom mode' },
  { id: 'settings', label: 'Settings', description: 'Profiles, theme, data, about' },
] as const;

export type ViewId = (typeof VIEWS)[number]['id'];

function isViewId(s: string): s is ViewId {
  return VIEWS.some((v) => v.id === s);
}

function viewFromHash(hash: string): ViewId | null {
  const m = /^#\/([a-z]+)/.exec(hash);
  return m && isViewId(m[1]!) ? m[1] : null;
}

export class Navigation {
  current = $state<ViewId>('setup');

  constructor(
    private readonly win: Pick<Window, 'location' | 'history' | 'addEventListener'> | null = typeof window === 'undefined' ? null : window,
  ) {
    const initial = win ? viewFromHash(win.location.hash) : null;
    if (initial) this.current = initial;
    win?.addEventListener('hashchange', () => {
      const v = viewFromHash(win.location.hash);
      if (v) this.current = v;
    });
  }

  go(view: ViewId): void {
    if (this.current === view) return;
    this.current = view;
    if (this.win) this.win.history.pushState(null, '', `#/${view}`);
  }

  get label(): string {
    return VIEWS.find((v) => v.id === this.current)!.label;
  }
}

export const navigation = new Navigation();
