import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface DisclosureProps {
  /** The button that opens the form ("Ajouter une revendication"). */
  label: string;
  children: (close: () => void) => ReactNode;
  className?: string;
  defaultOpen?: boolean;
}

/**
 * A button beside a block that opens its form in place; the first field gets the
 * focus on opening, the button gets it back on closing.
 */
export function Disclosure({ label, children, className, defaultOpen = false }: DisclosureProps) {
  const id = useId();
  const [open, setOpen] = useState(defaultOpen);
  const body = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);

  useEffect(() => {
    if (open && opened.current) {
      body.current?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea')?.focus();
    }
  }, [open]);

  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => button.current?.focus());
  };

  return (
    <div className={`disclosure${className ? ` ${className}` : ''}`}>
      {open ? null : (
        <button
          ref={button}
          type="button"
          className="button button-secondary"
          aria-expanded={false}
          aria-controls={id}
          onClick={() => {
            opened.current = true;
            setOpen(true);
          }}
        >
          {label}
        </button>
      )}
      {open ? (
        <div id={id} ref={body} className="disclosure-body">
          {/* eslint-disable-next-line react-hooks/refs -- close() is for the children's event handlers, never called while rendering */}
          {children(close)}
        </div>
      ) : null}
    </div>
  );
}
