// The checks a form makes before asking the core: the same rules as the contract and the user
// service (shared/users/secrets.ts), so the common mistakes are caught at once. The core decides.
import type { Role } from '../../../shared/contract';
import { checkSecret, SECRET_RULE_MESSAGES } from '../../../shared/users/secrets';
import type { MessageKey } from '../../i18n';

export type NewUserField = 'code' | 'name' | 'secret' | 'secretAgain';

export interface NewUserEntries {
  code: string;
  name: string;
  role: Role;
  secret: string;
  secretAgain: string;
}

export interface NewUserProblem {
  /** A catalogue key, or the shared PIN rule's own sentence (the same words as the CLI and core). */
  message: MessageKey | { vi: string; en: string };
  /** The field to mark invalid and put the focus on. */
  field: NewUserField;
}

// Mirrors UserCodeSchema in shared/contract/schemas.ts.
const CODE_PATTERN = /^[A-Za-z0-9_.-]{2,32}$/;

/** A new secret and its repetition, for setup, registering and resetting: the first problem or null. */
export function checkNewSecret(secret: string, secretAgain: string, role: Role): NewUserProblem | null {
  if (!secret) return { message: 'form.required', field: 'secret' };
  const rule = checkSecret(secret, role);
  if (rule) return { message: SECRET_RULE_MESSAGES[rule], field: 'secret' };
  if (!secretAgain) return { message: 'form.required', field: 'secretAgain' };
  if (secret !== secretAgain) return { message: 'users.add.mismatch', field: 'secretAgain' };
  return null;
}

/** The first problem in form order, or null when the entries may be sent. */
export function checkNewUser(entries: NewUserEntries): NewUserProblem | null {
  const empty = (['code', 'name'] as const).find((f) => !entries[f].trim());
  if (empty) return { message: 'form.required', field: empty };
  if (!CODE_PATTERN.test(entries.code.trim())) return { message: 'users.add.badCode', field: 'code' };
  return checkNewSecret(entries.secret, entries.secretAgain, entries.role);
}
