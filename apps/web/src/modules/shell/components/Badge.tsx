/** A count on a navigation link: the number for the eye, a sentence for screen readers. */
export function Badge({ count, label, name }: { count: number; label: string; name: string }) {
  if (count <= 0) return null;
  return (
    <span className="badge" data-badge={name} data-count={count}>
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden"> ({label})</span>
    </span>
  );
}
