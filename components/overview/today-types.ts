/** JSON of GET /api/backoffice/overview/today: amounts are cents as decimal strings (exact). */
export type TodayMovementsJson = {
  asOf: string;
  since: string;
  movements: { kind: string; currency: string; count: number; volume: string }[];
};
