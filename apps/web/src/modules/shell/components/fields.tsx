import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type TextareaHTMLAttributes } from 'react';

// Form controls with their label, hint and error wired for assistive technology:
// every input has a <label>, an error sits right under its field, named by
// aria-describedby, and the field says aria-invalid.

interface FieldShellProps {
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  className?: string;
  children: (ids: { inputId: string; describedBy: string | undefined; invalid: true | undefined }) => ReactNode;
}

export function FieldShell({ label, error, hint, className, children }: FieldShellProps) {
  const id = useId();
  const inputId = `${id}-input`;
  const hintId = hint ? `${id}-hint` : '';
  const errorId = error ? `${id}-error` : '';
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={inputId}>{label}</label>
      {children({ inputId, describedBy, invalid: error ? true : undefined })}
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
  label: ReactNode;
  name: string;
  value: string;
  onValue: (value: string) => void;
  error?: string;
  hint?: ReactNode;
  fieldClassName?: string;
  ref?: Ref<HTMLInputElement>;
};

export function TextField({ label, error, hint, value, onValue, fieldClassName, ...input }: TextFieldProps) {
  return (
    <FieldShell label={label} error={error} hint={hint} className={fieldClassName}>
      {({ inputId, describedBy, invalid }) => (
        <input
          id={inputId}
          type="text"
          {...input}
          value={value}
          onChange={(e) => onValue(e.target.value)}
          aria-invalid={invalid}
          aria-describedby={describedBy}
        />
      )}
    </FieldShell>
  );
}

interface SelectFieldProps<T extends string> {
  label: ReactNode;
  name: string;
  value: T;
  options: ReadonlyArray<{ value: T; label: string }>;
  onValue: (value: T) => void;
  error?: string;
  hint?: ReactNode;
}

/** A labelled <select> over a fixed list (an enum of the contract). */
export function SelectField<T extends string>({ label, name, value, options, onValue, error, hint }: SelectFieldProps<T>) {
  return (
    <FieldShell label={label} error={error} hint={hint}>
      {({ inputId, describedBy, invalid }) => (
        <select id={inputId} name={name} value={value} onChange={(e) => onValue(e.target.value as T)} aria-invalid={invalid} aria-describedby={describedBy}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> & {
  label: ReactNode;
  name: string;
  value: string;
  onValue: (value: string) => void;
  error?: string;
  hint?: ReactNode;
};

export function TextAreaField({ label, error, hint, value, onValue, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldShell label={label} error={error} hint={hint}>
      {({ inputId, describedBy, invalid }) => (
        <textarea
          id={inputId}
          rows={3}
          {...textarea}
          value={value}
          onChange={(e) => onValue(e.target.value)}
          aria-invalid={invalid}
          aria-describedby={describedBy}
        />
      )}
    </FieldShell>
  );
}

interface ChoiceGroupProps<T extends string | number> {
  legend: ReactNode;
  name: string;
  options: ReadonlyArray<{ value: T; label: ReactNode }>;
  value: T | null | '';
  onValue: (value: T) => void;
  error?: string;
  className?: string;
  /** Radios drawn as large tiles (thumb-sized). */
  tiles?: boolean;
}

/** Radio buttons in a fieldset: the legend names the group, each choice has its label. */
export function ChoiceGroup<T extends string | number>({ legend, name, options, value, onValue, error, className, tiles }: ChoiceGroupProps<T>) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <fieldset className={`choices${tiles ? ' choices-tiles' : ''}${className ? ` ${className}` : ''}`} aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      <div className="choices-options">
        {options.map((option) => (
          <label key={String(option.value)} className="choice">
            <input type="radio" name={name} value={String(option.value)} checked={value === option.value} onChange={() => onValue(option.value)} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

interface CheckboxFieldProps {
  label: ReactNode;
  name: string;
  checked: boolean;
  onChecked: (checked: boolean) => void;
  error?: string;
}

export function CheckboxField({ label, name, checked, onChecked, error }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className="field field-check">
      <label className="check">
        <input
          type="checkbox"
          name={name}
          checked={checked}
          onChange={(e) => onChecked(e.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <span>{label}</span>
      </label>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Errors that name no field, at the top of a form. */
export function FormErrors({ title, errors }: { title: string; errors: readonly string[] }) {
  if (!errors.length) return null;
  return (
    <div className="alert" role="alert">
      <p className="alert-title">{title}</p>
      {errors.map((message, index) => (
        <p className="alert-body" key={index}>
          {message}
        </p>
      ))}
    </div>
  );
}
