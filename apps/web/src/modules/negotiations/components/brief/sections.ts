import type { BriefDraft } from '../../brief';

/** What every editable section of the brief gets: the draft, a way to change it, and the errors by field key. */
export interface BriefSectionProps {
  draft: BriefDraft;
  patch: (change: Partial<BriefDraft>) => void;
  errors: Record<string, string>;
}
