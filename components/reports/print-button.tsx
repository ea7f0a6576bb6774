'use client';

import { buttonClass } from '@/components/ui/form';

/** Opens the browser's print dialog (print to PDF to file the report). */
export function PrintButton() {
  return (
    <button type="button" className={buttonClass} onClick={() => window.print()}>
      Print or save as PDF
    </button>
  );
}
