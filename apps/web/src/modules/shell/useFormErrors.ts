import { useCallback, useState } from 'react';
import { fieldErrors, NO_ERRORS, placeErrors, type FieldErrors } from '../../apollo/errors';
import { useT } from '../../i18n';

/**
 * One form's errors: `submit(fn)` runs the mutation and, when it fails, places each
 * API error next to the field it names (`known` says which keys the form shows),
 * the rest at the top. What was typed is never touched: state lives in the form.
 */
export function useFormErrors(known: (key: string) => boolean) {
  const t = useT();
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const submit = useCallback(
    async (run: () => Promise<unknown>): Promise<boolean> => {
      setErrors(NO_ERRORS);
      setBusy(true);
      try {
        await run();
        return true;
      } catch (err) {
        setErrors(placeErrors(fieldErrors(err, t), known));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t, known],
  );
  return { errors, fields: errors.fields, setErrors, submit, busy };
}

/** `keys('title', 'deadline')`: a `known` for useFormErrors. */
export const keys =
  (...names: string[]) =>
  (key: string) =>
    names.includes(key);

/** <input type=date> / datetime-local value → ISO instant (local time), or null when empty or invalid. */
export function toInstant(value: string): string | null {
  if (!value) return null;
  const date = new Date(value.length === 10 ? `${value}T12:00` : value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** An ISO instant → the value of a <input type=datetime-local> in local time. */
export function localDateTime(iso: string | Date): string {
  const d = iso instanceof Date ? iso : new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "a, b , c" → ["a", "b", "c"]. */
export const splitList = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
