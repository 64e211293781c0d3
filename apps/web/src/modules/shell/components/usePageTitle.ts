import { useEffect } from 'react';

/** Sets the document title ("Campagnes · Rapport"), which screen readers announce on navigation. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Rapport` : 'Rapport';
  }, [title]);
}
