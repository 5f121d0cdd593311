/** Light, dark, or follow the system: applied as html[data-theme], kept in Settings. */
export type ThemeChoice = 'system' | 'light' | 'dark';

export class Theme {
  choice = $state<ThemeChoice>('system');
  private systemDark = $state(false);

  constructor(private readonly doc: Document | null = typeof document === 'undefined' ? null : document) {
    const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
    if (media) {
      this.systemDark = media.matches;
      media.addEventListener('change', (e) => (this.systemDark = e.matches));
    }
  }

  /** the theme in effect */
  get effective(): 'light' | 'dark' {
    return this.choice === 'system' ? (this.systemDark ? 'dark' : 'light') : this.choice;
  }

  set(choice: ThemeChoice): void {
    this.choice = choice;
    if (!this.doc) return;
    if (choice === 'system') this.doc.documentElement.removeAttribute('data-theme');
    else this.doc.documentElement.setAttribute('data-theme', choice);
  }
}

export const theme = new Theme();
