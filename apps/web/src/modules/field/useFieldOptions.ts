import { useEffect, useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import type { CampaignStage } from '@rapport/shared';
import { FieldOptionsQuery } from './graphql/fieldOptions';

export interface FieldOptions {
  campaigns: ReadonlyArray<{ id: string; name: string; stage: CampaignStage }>;
  issues: ReadonlyArray<{ id: string; name: string }>;
  /** True when these come from this phone's copy (offline), not from the API just now. */
  fromCache: boolean;
}

const optionsKey = (userId: string) => `rapport.field.options.${userId}`;

function readCached(userId: string): Omit<FieldOptions, 'fromCache'> | null {
  try {
    const raw = localStorage.getItem(optionsKey(userId));
    const parsed = raw ? (JSON.parse(raw) as Omit<FieldOptions, 'fromCache'>) : null;
    return parsed && Array.isArray(parsed.campaigns) && Array.isArray(parsed.issues) ? parsed : null;
  } catch {
    return null;
  }
}

/** Campaigns and issues for the form, from the API, else from the copy kept on the phone for offline use. */
export function useFieldOptions(userId: string): FieldOptions {
  const { data } = useQuery(FieldOptionsQuery, { fetchPolicy: 'cache-and-network', errorPolicy: 'all' });
  const cached = useMemo(() => readCached(userId), [userId]);

  useEffect(() => {
    if (!data?.campaigns) return;
    try {
      localStorage.setItem(optionsKey(userId), JSON.stringify({ campaigns: data.campaigns, issues: data.issues ?? [] }));
    } catch {
      // no room: the form works without suggestions
    }
  }, [data, userId]);

  if (data?.campaigns) return { campaigns: data.campaigns, issues: data.issues ?? [], fromCache: false };
  return { campaigns: cached?.campaigns ?? [], issues: cached?.issues ?? [], fromCache: !!cached };
}
