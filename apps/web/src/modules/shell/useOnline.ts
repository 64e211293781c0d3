import { useSyncExternalStore } from 'react';
import { connectivity } from '../../network/connectivity';

/**
 * Whether Rapport answered the app's last requests (see network/connectivity.ts):
 * the badge, the outbox panel, the field form and the search all read this one state.
 */
export function useOnline(): boolean {
  return useSyncExternalStore(
    connectivity.subscribe,
    () => connectivity.get() === 'online',
    () => true,
  );
}
