export const TYPE_LABELS: Record<string, string> = { disbursementIn: 'Disbursement in', disbursementOut: 'Disbursement out' };
export const typeLabel = (type: string) => TYPE_LABELS[type] ?? type;
