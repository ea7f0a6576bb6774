/** A form field's validation message, linked from the field by `aria-describedby`. */
export function FieldError({ id, children }: { id: string; children?: string }) {
  return children ? (
    <p id={id} className="mt-1 text-xs text-rose-700">
      {children}
    </p>
  ) : null;
}
