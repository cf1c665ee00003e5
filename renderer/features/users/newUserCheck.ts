// The checks the form makes before asking the core: the same rules as the contract and the
// user service, so the common mistakes are caught at once. The core still decides.
import type { MessageKey } from '../../i18n';

export type NewUserField = 'code' | 'name' | 'secret' | 'secretAgain';

export interface NewUserEntries {
  code: string;
  name: string;
  secret: string;
  secretAgain: string;
}

export interface NewUserProblem {
  message: MessageKey;
  /** The field to mark invalid and put the focus on. */
  field: NewUserField;
}

// Mirrors UserCodeSchema in shared/contract/schemas.ts.
const CODE_PATTERN = /^[A-Za-z0-9_.-]{2,32}$/;

/** Mirrors assertStrongSecret in the user service: a PIN of 4–12 digits, or a password of ≥ 8 characters that is not all digits. */
export function isStrongSecret(secret: string): boolean {
  const isPin = /^[0-9]{4,12}$/.test(secret);
  const isPassword = !/^[0-9]*$/.test(secret) && [...secret].length >= 8;
  return isPin || isPassword;
}

/** The first problem in form order, or null when the entries may be sent. */
export function checkNewUser(entries: NewUserEntries): NewUserProblem | null {
  const fields: NewUserField[] = ['code', 'name', 'secret', 'secretAgain'];
  const empty = fields.find((f) => (f === 'code' || f === 'name' ? !entries[f].trim() : !entries[f]));
  if (empty) return { message: 'form.required', field: empty };
  if (!CODE_PATTERN.test(entries.code.trim())) return { message: 'users.add.badCode', field: 'code' };
  if (!isStrongSecret(entries.secret)) return { message: 'users.add.weakSecret', field: 'secret' };
  if (entries.secret !== entries.secretAgain) return { message: 'users.add.mismatch', field: 'secretAgain' };
  return null;
}
