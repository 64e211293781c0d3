import { useSyncExternalStore } from 'react';

// The organisation's time zone (Organization.timezone), once the app knows it.
// Times are shown in it, labelled, when this device is set to another zone: a
// meeting at 18:00 in Rennes is 18:00 for a member travelling abroad.

let orgTimeZone: string | null = null;
const listeners = new Set<() => void>();

export function setOrgTimeZone(zone: string | null) {
  if (zone === orgTimeZone) return;
  orgTimeZone = zone;
  listeners.forEach((listener) => listener());
}

// Read once a minute at most: every date shown asks, and building an Intl.DateTimeFormat
// to answer is slow on a phone; a member who travels sees the change within the minute.
let device: { zone: string; readAt: number } | null = null;

export function deviceTimeZone(): string {
  const now = Date.now();
  if (!device || now - device.readAt > 60_000) device = { zone: Intl.DateTimeFormat().resolvedOptions().timeZone, readAt: now };
  return device.zone;
}

/** The zone to label times with: the organisation's, only when it is not the device's. */
export function useOtherTimeZone(): string | null {
  const zone = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => orgTimeZone,
    () => null,
  );
  return zone && zone !== deviceTimeZone() ? zone : null;
}

/** "Europe/Paris" → "Paris", "America/New_York" → "New York". */
export function zoneCity(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}
