import { useEffect, useState, type ReactNode } from 'react';

/**
 * Mounts its children in a task of their own, once the page has shown: what works in the
 * background (the outbox's sending, the reminders badge) is set up after the first
 * paint, not inside it. A phone's main thread is then
 * never held in one long block while the app starts, and a tap is answered sooner.
 */
export function Later({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setReady(true), 0);
    return () => clearTimeout(timer);
  }, []);
  return ready ? children : null;
}
