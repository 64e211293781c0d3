import { useT } from '../../../i18n';

/**
 * The frame shown until the first page's code has loaded: the header's brand and an
 * empty, busy main. index.html paints the same markup before any JavaScript arrives
 * (a weak signal does not leave the screen blank); keep the two identical, so nothing
 * moves when React takes over.
 */
export function BootShell() {
  const t = useT();
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
      </header>
      <main className="main" aria-busy="true" />
    </div>
  );
}
