import { useEffect, useState } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'picto-theme';
const DARK = '(prefers-color-scheme: dark)';

function stored(): ThemeChoice {
  const v = localStorage.getItem(KEY);
  return v === 'light' || v === 'dark' ? v : 'system';
}

/** The theme drawn for a choice: "system" is what the system prefers now. */
function resolveTheme(choice: ThemeChoice): 'light' | 'dark' {
  if (choice !== 'system') return choice;
  return window.matchMedia(DARK).matches ? 'dark' : 'light';
}

let current: ThemeChoice = 'system';
let following = false;

/**
 * Applies the theme: data-theme is always set, "system" resolved from the media query (see
 * [Note: one dark palette] in tokens.css). The first call (main.tsx, before React renders) also
 * starts following the system's scheme, which matters while the choice is "system".
 */
export function applyTheme(choice: ThemeChoice = stored()): void {
  current = choice;
  document.documentElement.dataset.theme = resolveTheme(choice);
  if (following) return;
  following = true;
  window.matchMedia(DARK).addEventListener('change', () => {
    if (current === 'system') applyTheme('system');
  });
}

export const THEME_NAMES: Record<ThemeChoice, string> = {
  system: 'Auto',
  light: 'Light',
  dark: 'Dark',
};

/** The theme choice, a setter, and "next" (the sidebar's button cycles through the three). */
export function useTheme(): [ThemeChoice, () => void, (c: ThemeChoice) => void] {
  const [choice, setChoice] = useState<ThemeChoice>(stored);
  useEffect(() => {
    applyTheme(choice);
    if (choice === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
  }, [choice]);
  const next = () =>
    setChoice((c) => (c === 'system' ? 'light' : c === 'light' ? 'dark' : 'system'));
  return [choice, next, setChoice];
}
