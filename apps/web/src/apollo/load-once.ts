/**
 * Code loaded once, for components to read while rendering (React's Suspense protocol):
 * `read()` gives it, or throws the load in progress (Suspense waits for it), or throws a
 * failed load once, to the error boundary above — the next read loads again (back
 * online). As React's lazy() does, but it can be started before the first render
 * (`preload`) and tells when it has settled. The pages (routes.tsx), the shell's parts
 * that talk to the API and Apollo's provider (lazy.tsx) are read through it.
 */
export interface LoadOnce<T> {
  read(): T;
  /** Starts the load if it is not there yet; resolves when it has settled, whichever way. */
  preload(): Promise<void>;
  /** True once it is there, or once its load failed (the next read throws that failure). */
  settled(): boolean;
}

export function loadOnce<T>(load: () => Promise<T>): LoadOnce<T> {
  let value: { loaded: T } | undefined;
  let loading: Promise<void> | undefined;
  let failure: { error: unknown } | undefined;
  const preload = () =>
    (loading ??= load().then(
      (loaded) => void (value = { loaded }),
      (error: unknown) => {
        failure = { error };
        loading = undefined;
      },
    ));
  return {
    preload,
    settled: () => Boolean(value ?? failure),
    read() {
      if (value) return value.loaded;
      if (failure) {
        const { error } = failure;
        failure = undefined;
        throw error;
      }
      throw preload();
    },
  };
}
