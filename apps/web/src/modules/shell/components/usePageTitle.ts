import { useLayoutEffect } from 'react';

/**
 * Sets the document title ("Campagnes · Rapport"), which screen readers announce on
 * navigation: in the same commit as the page it names (a layout effect; a plain effect
 * would run a frame later, after the page is already on screen).
 */
export function usePageTitle(title: string): void {
  useLayoutEffect(() => {
    document.title = title ? `${title} · Rapport` : 'Rapport';
  }, [title]);
}
