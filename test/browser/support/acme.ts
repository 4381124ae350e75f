/** The seed's reference customer (demo/db/seed.js, documented in demo/db/README.md). */
interface AcmeFacts {
  id: string;
  name: string;
  legalName: string;
  inn: string;
  segment: string;
  industry: string;
  city: string;
  region: string;
  csm: { id: string; name: string; email: string };
  arr: number;
  ltv: number;
  totalInvoices: number;
  health: number;
  renewalDays: number;
  products: readonly string[];
  counts: { activities: number; contacts: number; documents: number; invoices: number };
}

// The seed is plain CommonJS shared with the demo server.
// eslint-disable-next-line @typescript-eslint/no-var-requires
export const ACME = (require('../../../demo/db/seed') as { ACME: AcmeFacts }).ACME;
