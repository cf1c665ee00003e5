// Installing a survey package (.kspkg) on a laptop, and the survey's quota progress. Everything is
// verified before anything is written (signature, the survey's pinned signer, every part's hash,
// the form, the unit frame and the quotas); then one transaction installs the form version beside
// the older ones, replaces the frame and quotas, pins the signer on first install, records the
// file and audits it. Installing the same file again changes nothing; a package signed no later
// than the newest one installed for its survey is refused (package_older, rollback protection).
import { ServiceError, type ContractIssue } from '../../shared/contract/errors';
import type { User } from '../../shared/contract/schemas';
import { checkFormJson } from '../forms/checkFormJson';
import { checkAgencies, describeFrameIssue, FrameError, readQuotas, readUnitFrame, type Quota } from '../instruments/frame-csv';
import { sha256Hex } from '../sync/hash';
import { keyFingerprint } from '../sync/signing';
import { readSurveyPackage, type SurveyPackage } from '../sync/survey-package';
import type { UnitInput } from './forms';
import { installFormVersion } from './forms';
import { nowIso, type ServiceContext } from './context';

export interface PackageInstallSummary {
  surveyId: string;
  title: string;
  /** The version name it was installed under (see installFormVersion). */
  formVersion: string;
  formHash: string;
  signerFingerprint: string;
  recipientFingerprint: string;
  createdAt: string;
  sha256: string;
  units: number;
  quotas: number;
  /** False when this exact file had been installed before (nothing changed). */
  installed: boolean;
  /** True when this install pinned the survey's signer (its first package on this laptop). */
  pinned: boolean;
}

export interface QuotaProgress {
  unitCode: string;
  nameVi: string | null;
  nameEn: string | null;
  target: number;
  completed: number;
}

const MAX_FORM_ISSUES = 20;

function invalid(issues: ContractIssue[], detail: string): ServiceError {
  return new ServiceError('package_invalid', detail, issues.slice(0, MAX_FORM_ISSUES));
}

/** The frame and quotas of a verified package, or package_invalid naming file, line and column. */
function readFrame(pkg: SurveyPackage): { units: UnitInput[]; quotas: Quota[] } {
  try {
    const units = readUnitFrame(pkg.parts['units.csv']!);
    const quotas = pkg.parts['quotas.csv'] ? readQuotas(pkg.parts['quotas.csv'], units) : [];
    if (pkg.parts['agencies.csv']) checkAgencies(pkg.parts['agencies.csv']);
    return { units, quotas };
  } catch (error) {
    if (!(error instanceof FrameError)) throw error;
    const issues = error.issues.map((i) => ({
      path: `${i.file}${i.line > 0 ? `:${i.line}` : ''}${i.column ? `:${i.column}` : ''}`,
      problem: i.vi,
      problemEn: i.en,
      message: describeFrameIssue(i, 'vi'),
      messageEn: describeFrameIssue(i, 'en'),
    }));
    throw invalid(issues, error.message);
  }
}

export function createPackageService(ctx: ServiceContext) {
  const { db, repos } = ctx;

  /**
   * Rollback protection: a package must be signed later than the newest one installed for its
   * survey, so a copy of an old package (an older frame, quotas or recipient) cannot replace a
   * newer one. The signed `createdAt` orders them; the signer is pinned, so one clock does.
   * Called after the same-file check: re-installing an exact file is a no-op, not a refusal.
   */
  function refuseRollback(surveyId: string, createdAt: string): void {
    const newest = repos.packages.newestInstall(surveyId);
    if (!newest || Date.parse(createdAt) > Date.parse(newest.created_at)) return;
    const issue: ContractIssue = {
      path: 'manifest.createdAt',
      problem: `created ${createdAt}, not after ${newest.created_at}`,
      message: `Gói khảo sát "${surveyId}" được tạo lúc ${createdAt}, không mới hơn gói đã cài (phiên bản phiếu ${newest.form_version}, tạo lúc ${newest.created_at}); gói bị từ chối, không có gì thay đổi.`,
      messageEn: `The survey package for "${surveyId}" was created at ${createdAt}, not after the installed one (form version ${newest.form_version}, created at ${newest.created_at}); it was refused and nothing changed.`,
    };
    throw new ServiceError('package_older', `${surveyId}: package created ${createdAt}, newest installed ${newest.created_at} (${newest.sha256})`, [issue]);
  }

  function installSurveyPackage(bytes: Uint8Array, actor: User | null): PackageInstallSummary {
    const pkg = readSurveyPackage(bytes);
    const { survey } = pkg.manifest;
    const signerHex = pkg.signer.publicKey.toString('hex');
    const pinned = repos.packages.signer(survey.id);
    if (pinned && pinned.public_key !== signerHex) {
      throw new ServiceError('package_foreign_signer', `${survey.id}: signed by ${pkg.signer.fingerprint}, pinned ${keyFingerprint(Buffer.from(pinned.public_key, 'hex'))}`);
    }
    const sha256 = sha256Hex(bytes);
    const summary = (installed: boolean, formVersion: string, formHash: string, units: number, quotas: number): PackageInstallSummary => ({
      surveyId: survey.id,
      title: survey.title,
      formVersion,
      formHash,
      signerFingerprint: pkg.signer.fingerprint,
      recipientFingerprint: pkg.manifest.recipient.fingerprint,
      createdAt: pkg.manifest.createdAt,
      sha256,
      units,
      quotas,
      installed,
      pinned: installed && !pinned,
    });
    const before = repos.packages.install(sha256);
    if (before) {
      const form = repos.surveys.formVersion(before.survey_id, before.form_version);
      return summary(false, before.form_version, form?.hash ?? '', repos.surveys.units(survey.id).length, repos.packages.quotaProgress(survey.id).length);
    }
    refuseRollback(survey.id, pkg.manifest.createdAt);
    const form = checkFormJson(pkg.form, 'form.json');
    if (!form.ok) {
      throw invalid(
        form.errors.map((e) => ({ path: `form.json${e.sheet ? `:${e.sheet}` : ''}${e.row ? `:${e.row}` : ''}`, problem: e.message, problemEn: e.messageEn, message: `form.json: ${e.message}`, messageEn: `form.json: ${e.messageEn}` })),
        form.errors.map((e) => e.messageEn).join('; '),
      );
    }
    const frame = readFrame(pkg);
    const at = nowIso(ctx);
    return db.transaction(() => {
      const result = installFormVersion(repos, { surveyId: survey.id, title: survey.title, formVersion: survey.formVersion, definition: form.form, installedAt: at });
      if (pinned) repos.packages.setRecipient(survey.id, pkg.manifest.recipient.age, pkg.manifest.recipient.fingerprint);
      else {
        repos.packages.pinSigner({
          survey_id: survey.id,
          public_key: signerHex,
          fingerprint: pkg.signer.fingerprint,
          recipient: pkg.manifest.recipient.age,
          recipient_fingerprint: pkg.manifest.recipient.fingerprint,
          pinned_at: at,
        });
      }
      repos.packages.clearFrame(survey.id);
      for (const u of frame.units) {
        repos.surveys.upsertUnit({
          code: u.code,
          type: u.type ?? 'unit',
          name_vi: u.nameVi,
          name_en: u.nameEn ?? null,
          survey_id: survey.id,
          former_province: u.formerProvince ?? null,
          former_district: u.formerDistrict ?? null,
          merged_from: u.mergedFrom ?? null,
        });
      }
      for (const q of frame.quotas) repos.packages.insertQuota(survey.id, q.unitCode, q.target);
      repos.packages.recordInstall({
        sha256,
        survey_id: survey.id,
        form_version: result.formVersion,
        signer_fingerprint: pkg.signer.fingerprint,
        created_at: pkg.manifest.createdAt,
        installed_at: at,
        installed_by: actor?.id ?? null,
      });
      repos.audit.append({
        at,
        userId: actor?.id ?? null,
        action: 'package_installed',
        entity: 'survey',
        entityId: survey.id,
        detail: {
          sha256,
          formVersion: result.formVersion,
          formHash: result.hash,
          formInstalled: result.installed,
          signer: pkg.signer.fingerprint,
          recipient: pkg.manifest.recipient.fingerprint,
          pinned: !pinned,
          units: frame.units.length,
          quotas: frame.quotas.length,
          ...(actor ? {} : { by: 'operator' }),
        },
      });
      return summary(true, result.formVersion, result.hash, frame.units.length, frame.quotas.length);
    }).immediate();
  }

  return {
    installSurveyPackage,
    quotas(surveyId: string): QuotaProgress[] {
      if (!repos.surveys.findById(surveyId)) throw new ServiceError('not_found', `survey ${surveyId}`);
      return repos.packages.quotaProgress(surveyId).map((q) => ({
        unitCode: q.unit_code,
        nameVi: q.name_vi,
        nameEn: q.name_en,
        target: q.target,
        completed: q.completed,
      }));
    },
  };
}

export type PackageService = ReturnType<typeof createPackageService>;
