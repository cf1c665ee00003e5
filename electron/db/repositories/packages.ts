// Survey packages on this laptop: the pinned signer and age recipient per survey, the record of
// each installed package file, the survey's frame as a package replaces it, and quota progress.
import type { Database } from '../types';

export interface SignerRow {
  survey_id: string;
  public_key: string;
  fingerprint: string;
  recipient: string;
  recipient_fingerprint: string;
  pinned_at: string;
}

export interface PackageInstallRow {
  sha256: string;
  survey_id: string;
  form_version: string;
  signer_fingerprint: string;
  created_at: string;
  installed_at: string;
  installed_by: number | null;
}

export interface QuotaProgressRow {
  unit_code: string;
  name_vi: string | null;
  name_en: string | null;
  target: number;
  completed: number;
}

export function createPackagesRepo(db: Database) {
  const signer = db.prepare<[string], SignerRow>('SELECT * FROM survey_signers WHERE survey_id = ?');
  const pin = db.prepare<SignerRow>(
    `INSERT INTO survey_signers (survey_id, public_key, fingerprint, recipient, recipient_fingerprint, pinned_at)
     VALUES (@survey_id, @public_key, @fingerprint, @recipient, @recipient_fingerprint, @pinned_at)`,
  );
  const setRecipient = db.prepare<[string, string, string]>('UPDATE survey_signers SET recipient = ?, recipient_fingerprint = ? WHERE survey_id = ?');
  const install = db.prepare<[string], PackageInstallRow>('SELECT * FROM package_installs WHERE sha256 = ?');
  const recordInstall = db.prepare<PackageInstallRow>(
    `INSERT INTO package_installs (sha256, survey_id, form_version, signer_fingerprint, created_at, installed_at, installed_by)
     VALUES (@sha256, @survey_id, @form_version, @signer_fingerprint, @created_at, @installed_at, @installed_by)`,
  );
  const installsOf = db.prepare<[string], PackageInstallRow>('SELECT * FROM package_installs WHERE survey_id = ?');
  const deleteUnits = db.prepare<[string]>('DELETE FROM units WHERE survey_id = ?');
  const deleteQuotas = db.prepare<[string]>('DELETE FROM quotas WHERE survey_id = ?');
  const insertQuota = db.prepare<[string, string, number]>('INSERT INTO quotas (survey_id, unit_code, target) VALUES (?, ?, ?)');
  // Completed = the outcome is completed and the interview left draft (completed, rejected or
  // approved): the work was done on this laptop, whatever review says later.
  const progress = db.prepare<[string, string], QuotaProgressRow>(
    `SELECT q.unit_code, u.name_vi, u.name_en, q.target,
            (SELECT count(*) FROM interviews i
              WHERE i.survey_id = q.survey_id AND i.unit_code = q.unit_code
                AND i.status <> 'draft' AND i.outcome = 'completed') AS completed
       FROM quotas q LEFT JOIN units u ON u.survey_id = ? AND u.code = q.unit_code
      WHERE q.survey_id = ?
      ORDER BY coalesce(u.name_vi, q.unit_code), q.unit_code`,
  );

  return {
    signer: (surveyId: string): SignerRow | undefined => signer.get(surveyId),
    pinSigner: (row: SignerRow): void => {
      pin.run(row);
    },
    setRecipient: (surveyId: string, recipient: string, fingerprint: string): void => {
      setRecipient.run(recipient, fingerprint, surveyId);
    },
    install: (sha256: string): PackageInstallRow | undefined => install.get(sha256),
    /** The survey's installed package whose signed creation time is latest (times compared as instants, not text). */
    newestInstall: (surveyId: string): PackageInstallRow | undefined => {
      let newest: PackageInstallRow | undefined;
      for (const row of installsOf.all(surveyId)) if (!newest || Date.parse(row.created_at) > Date.parse(newest.created_at)) newest = row;
      return newest;
    },
    recordInstall: (row: PackageInstallRow): void => {
      recordInstall.run(row);
    },
    /** Empties the survey's frame and quotas; the caller inserts the new ones in the same transaction. */
    clearFrame: (surveyId: string): void => {
      deleteQuotas.run(surveyId);
      deleteUnits.run(surveyId);
    },
    insertQuota: (surveyId: string, unitCode: string, target: number): void => {
      insertQuota.run(surveyId, unitCode, target);
    },
    quotaProgress: (surveyId: string): QuotaProgressRow[] => progress.all(surveyId, surveyId),
  };
}
