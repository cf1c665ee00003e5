// The analyst store's tables as Kysely sees them. One shape for SQLite and PostgreSQL: text,
// integers and JSON held as text, so the same queries run on both (docs/analyst-store.md).
import type { Generated } from 'kysely';

export interface DeviceTable {
  id: string;
  /** Raw Ed25519 public key, 64 hex; a batch signed by another key for this id is refused. */
  public_key: string;
  fingerprint: string;
  first_seen_at: string;
}

export const BATCH_STATUSES = ['imported', 'unchanged', 'rejected', 'duplicate'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

/** Every arrival, in arrival order: one row per file offered to `import`. */
export interface BatchArrivalTable {
  arrival: Generated<number>;
  file_name: string;
  /** SHA-256 of the file; null when the file could not be read at all. */
  file_sha256: string | null;
  /** From the signed manifest; null when the file was refused before it was trusted. */
  batch_id: string | null;
  device_id: string | null;
  sequence: number | null;
  status: BatchStatus;
  /** Code and detail of a rejection or duplicate. */
  reason: string | null;
  /** Arrival counts, JSON `{ new, replaced, unchanged, stale, conflicts }`. */
  counts: string | null;
  received_at: string;
}

export const REVISION_STATUSES = ['current', 'replaced', 'conflict'] as const;
export type RevisionStatus = (typeof REVISION_STATUSES)[number];

/**
 * Every revision of every interview ever received (history included): one row per
 * (id, revision, content hash). Its status is a function of the set of rows of that id only.
 */
export interface InterviewTable {
  id: string;
  revision: number;
  content_hash: string;
  status: RevisionStatus;
  device_id: string;
  surveyor_code: string;
  unit_code: string;
  survey_id: string;
  form_version: string;
  outcome: string;
  created_at: string;
  completed_at: string | null;
  approved_at: string | null;
  /** The first batch that carried this content (batch ids, not arrivals, so order cannot show). */
  batch_id: string;
}

export interface AnswerTable {
  interview_id: string;
  revision: number;
  content_hash: string;
  path: string;
  /** The answer value as JSON text (string, number, boolean, null or a list of codes). */
  value: string;
  missing: string | null;
  saved_at: string;
}

/** Forms the store knows, registered from survey packages; records are checked against them. */
export interface FormTable {
  survey_id: string;
  form_version: string;
  /** The compiled form (FormModel) as JSON text. */
  form: string;
  signer_fingerprint: string;
  registered_at: string;
  /** The signed createdAt of the package whose quotas are stored for this version (migration 004); null before. */
  package_created_at: string | null;
}

/** The Unit frame of a registered survey package (units.csv), for names in reports. */
export interface UnitTable {
  survey_id: string;
  code: string;
  type: string;
  name_vi: string;
  name_en: string | null;
  former_province: string | null;
  former_district: string | null;
}

/** The agency list of a registered survey package (agencies.csv), for names in reports. */
export interface AgencyTable {
  survey_id: string;
  code: string;
  kind: string | null;
  name_vi: string;
  name_en: string | null;
}

/** A Unit's target of completed interviews in a registered package (quotas.csv; migration 004). */
export interface QuotaTable {
  survey_id: string;
  form_version: string;
  unit_code: string;
  target: number;
}

/** The version of an interview in conflict the analyst chose (migration 003): it counts. */
export interface ConflictChoiceTable {
  interview_id: string;
  revision: number;
  content_hash: string;
  /** The analyst's user code. */
  chosen_by: string;
  chosen_at: string;
}

/** What analysts did to the store from the app (who, when, what), append-only. */
export interface AnalystAuditTable {
  id: Generated<number>;
  at: string;
  user_code: string;
  action: string;
  entity_id: string;
  /** JSON text. */
  detail: string;
}

/**
 * Paradata events of a revision (migration 005), only for forms with an `audit` question (or a
 * form the store does not know yet: dropped when it is registered without one).
 */
export interface ParadataTable {
  interview_id: string;
  revision: number;
  content_hash: string;
  /** 0, 1, 2… the event's place in the record's paradata list (the laptop's order). */
  seq: number;
  at: string;
  event: string;
  path: string | null;
  /** The event's detail as JSON text, or null. */
  detail: string | null;
}

export interface AnalystDatabase {
  devices: DeviceTable;
  batch_arrivals: BatchArrivalTable;
  interviews: InterviewTable;
  answers: AnswerTable;
  forms: FormTable;
  units: UnitTable;
  agencies: AgencyTable;
  quotas: QuotaTable;
  conflict_choices: ConflictChoiceTable;
  analyst_audit: AnalystAuditTable;
  paradata: ParadataTable;
}
