import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import { emptyDraft, isFieldDraft, type FieldDraft } from './draft';

const draftKey = (userId: string) => `rapport.field.draft.${userId}`;

function readDraft(userId: string): FieldDraft | null {
  try {
    const raw = localStorage.getItem(draftKey(userId));
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return isFieldDraft(parsed) ? { ...emptyDraft(), ...parsed } : null;
  } catch {
    return null;
  }
}

/**
 * The form as typed, saved on this phone at every keystroke: a phone call, a reload
 * or a dead battery loses nothing. `?campaign=<id>` chooses the campaign.
 */
export function useFieldDraft(userId: string, campaignParam: string | null): [FieldDraft, Dispatch<SetStateAction<FieldDraft>>] {
  const [draft, setDraft] = useState<FieldDraft>(() => {
    const stored = readDraft(userId) ?? emptyDraft();
    return campaignParam ? { ...stored, campaignId: campaignParam } : stored;
  });

  // ?campaign= changed (a link followed while the page is open): the draft follows,
  // adjusted while rendering rather than in an effect (no extra render pass).
  const [seenParam, setSeenParam] = useState(campaignParam);
  if (campaignParam !== seenParam) {
    setSeenParam(campaignParam);
    if (campaignParam) setDraft((d) => (d.campaignId === campaignParam ? d : { ...d, campaignId: campaignParam }));
  }

  useEffect(() => {
    try {
      localStorage.setItem(draftKey(userId), JSON.stringify(draft));
    } catch {
      // storage full or private mode: the draft lives in memory only
    }
  }, [userId, draft]);

  return [draft, setDraft];
}
