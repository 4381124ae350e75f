import type { ActivityType, AlertKind, DocumentType, HealthStatus, PaymentHealth, Severity } from './constants';

/** A date as an ISO string: "YYYY-MM-DD", or a full ISO timestamp when it carries a time. */
export type IsoDate = string;

/** Keys of a detail item beyond the contract's, kept as they came. */
export type Extra = Record<string, unknown>;

export interface ArrPoint {
  month?: IsoDate;
  arr?: number;
  extra?: Extra;
}
export interface Invoice {
  invoiceId?: string;
  issuedDate?: IsoDate;
  dueDate?: IsoDate;
  paidDate?: IsoDate;
  amount?: number;
  status?: string;
  extra?: Extra;
}
export interface Payment {
  paymentDate?: IsoDate;
  amount?: number;
  daysLate?: number;
  extra?: Extra;
}
export interface ProductUsage {
  productName?: string;
  status?: string;
  licenses?: number;
  activeUsers?: number;
  featureAdoption?: number;
  lastActiveDate?: IsoDate;
  extra?: Extra;
}
export interface UsagePoint {
  date?: IsoDate;
  activeUsers?: number;
  extra?: Extra;
}
export interface HealthComponent {
  component?: string;
  score?: number;
  weight?: number;
  extra?: Extra;
}
export interface HealthPoint {
  date?: IsoDate;
  score?: number;
  extra?: Extra;
}
export interface Activity {
  activityId?: string;
  activityDate?: IsoDate;
  /** The contract's type, or 'other' for anything else. */
  type: ActivityType;
  subject?: string;
  owner?: string;
  outcome?: string;
  extra?: Extra;
}
export interface Contact {
  name?: string;
  title?: string;
  email?: string;
  phone?: string;
  role?: string;
  isPrimary?: boolean;
  lastContacted?: IsoDate;
  extra?: Extra;
}
export interface CustomerDocument {
  title?: string;
  type: DocumentType;
  url?: string;
  createdDate?: IsoDate;
  status?: string;
  extra?: Extra;
}

export interface CsmInfo {
  id?: string;
  name?: string;
  email?: string;
  phone?: string;
}

/** Financial data: absent from the model when show_financial_data is off. */
export interface RevenueInfo {
  currentArr?: number;
  prevMonthArr?: number;
  arrGrowthMom?: number;
  arrGrowthYoy?: number;
  firstPaymentDate?: IsoDate;
  lastPaymentDate?: IsoDate;
  ltv?: number;
  totalPaid?: number;
  totalInvoices?: number;
  avgPaymentDelay?: number;
  arrHistory: ArrPoint[];
  invoices: Invoice[];
  payments: Payment[];
}

export interface HealthInfo {
  score?: number;
  nps?: number;
  csat?: number;
  supportTickets30d?: number;
  avgResolutionHours?: number;
  churnRisk?: number;
  breakdown: HealthComponent[];
  history: HealthPoint[];
}

export interface RenewalInfo {
  renewalDate?: IsoDate;
  contractEndDate?: IsoDate;
  contractTermMonths?: number;
}

export interface ProductsInfo {
  active: string[];
  count?: number;
  lastActiveDate?: IsoDate;
  avgFeatureAdoption?: number;
  usage: ProductUsage[];
  usageTrend: UsagePoint[];
}

export interface ActivityInfo {
  totalInteractions?: number;
  lastInteractionDate?: IsoDate;
  items: Activity[];
}

/** One customer, parsed. Every field is a valid value or absent. */
export interface CustomerProfile {
  id: string;
  name: string;
  legalName?: string;
  inn?: string;
  segment?: string;
  industry?: string;
  region?: string;
  city?: string;
  address?: string;
  phone?: string;
  email?: string;
  website?: string;
  employeeCount?: number;
  customerSince?: IsoDate;
  csm: CsmInfo;
  /** Absent when financial data is hidden. */
  revenue?: RevenueInfo;
  health: HealthInfo;
  renewal: RenewalInfo;
  products: ProductsInfo;
  activity: ActivityInfo;
  contacts: Contact[];
  documents: CustomerDocument[];
}

/** A value that could not be read, reported to the chart author. Never carries the value itself. */
export interface ParseIssue {
  column: string;
  /** An English template with %s placeholders (see model/coerce `Problem`), translated by the view. */
  text: string;
  args: (string | number)[];
}

export interface ParsedCustomer {
  profile: CustomerProfile;
  issues: ParseIssue[];
}

export type ParseResult =
  | { status: 'ok'; customers: ParsedCustomer[]; issues: ParseIssue[] }
  | { status: 'empty' }
  | { status: 'error'; missingColumns: string[] };

export interface Alert {
  kind: AlertKind;
  severity: Severity;
  /** The value that triggered the rule, in the rule's unit (score points, days). */
  value: number;
  threshold: number;
}

export interface Thresholds {
  healthCritical: number;
  healthAtRisk: number;
  renewalUrgentDays: number;
  inactivityAlertDays: number;
  churnRiskHigh: number;
  paymentDelayAlertDays: number;
}

export type { HealthStatus, PaymentHealth };
