/** An account connection as the pickers list it (GET /api/backoffice/connections). */
export type ConnectionOption = {
  id: string;
  name: string;
  appUserId: string | null;
  partnerId: string;
  partnerName: string;
  currency: string;
  status: string;
};
