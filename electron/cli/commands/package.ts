// `khaosat package create` (the analyst: form + unit frame + quotas, signed with the key folder
// `khaosat keys generate` wrote) and `khaosat package install` (a laptop: verify, pin the signer,
// install). Create checks everything install will check, so a bad file fails on the analyst's
// desk, not on thirty laptops in the field.
import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatFormError, type FormModel } from '../../../shared/forms';
import { SURVEY_PACKAGE_LIMITS } from '../../../shared/formats/survey-package';
import { loadFormFile } from '../../forms/loadForm';
import { checkAgencies, describeFrameIssue, FrameError, readQuotas, readUnitFrame } from '../../instruments/frame-csv';
import { createCore } from '../../services';
import { analystSigningKeyProtection, loadAnalystSigningKeys } from '../../sync/analyst-keys';
import { writeFileAtomic } from '../../sync/atomic-write';
import { readFileBounded } from '../../sync/bounded-read';
import { passphraseProtector, plainProtector } from '../../sync/key-protector';
import { createSurveyPackage, readSurveyPackage, SURVEY_PACKAGE_EXTENSION, type SurveyPackageParts } from '../../sync/survey-package';
import { dbTarget, prepareDbTarget } from '../db-target';
import { CliError, usageError, type CliIo } from '../io';
import { printJson, printKeyValues } from '../output';

/** A CSV input larger than this is not a unit frame or a quota list. */
const MAX_CSV_BYTES = 16 * 1024 * 1024;

function frameFailure(error: FrameError): CliError {
  const lines = error.issues.map((i) => `  ${describeFrameIssue(i, 'vi')}\n    ${describeFrameIssue(i, 'en')}`);
  return new CliError(`${error.issues.length} lỗi trong tệp CSV / error(s) in the CSV file:\n${lines.join('\n')}`);
}

async function readCsvInput(io: CliIo, file: string): Promise<Buffer> {
  return readFileBounded(resolve(io.cwd, file), MAX_CSV_BYTES, 'package_invalid').catch((error: unknown) => {
    if ((error as { code?: string }).code === 'package_invalid') {
      throw new CliError(`${file}: không phải tệp CSV thông thường hoặc lớn hơn 16 MB / not a regular CSV file or larger than 16 MB`);
    }
    throw error;
  });
}

export interface PackageCreateOptions {
  form: string;
  units: string;
  quotas?: string;
  agencies?: string;
  keys: string;
  survey?: string;
  title?: string;
}

/** The package's parts and survey, every file checked the way a laptop will check it. */
async function buildParts(io: CliIo, o: PackageCreateOptions): Promise<{ form: FormModel; parts: SurveyPackageParts }> {
  const loaded = await loadFormFile(resolve(io.cwd, o.form));
  for (const w of loaded.warnings) io.err(`cảnh báo / warning: ${formatFormError(w, 'vi')}\n    ${formatFormError(w, 'en')}\n`);
  if (!loaded.ok) {
    for (const e of loaded.errors) io.err(`  ${formatFormError(e, 'vi')}\n    ${formatFormError(e, 'en')}\n`);
    throw new CliError(`${o.form}: ${loaded.errors.length} lỗi trong phiếu / error(s) in the form (khaosat form check ${o.form})`);
  }
  const unitsBytes = await readCsvInput(io, o.units);
  const quotasBytes = o.quotas ? await readCsvInput(io, o.quotas) : undefined;
  const agenciesBytes = o.agencies ? await readCsvInput(io, o.agencies) : undefined;
  try {
    const units = readUnitFrame(unitsBytes, basename(o.units));
    if (quotasBytes) readQuotas(quotasBytes, units, basename(o.quotas!), basename(o.units));
    if (agenciesBytes) checkAgencies(agenciesBytes, basename(o.agencies!));
  } catch (error) {
    if (error instanceof FrameError) throw frameFailure(error);
    throw error;
  }
  const parts: SurveyPackageParts = { 'form.json': Buffer.from(JSON.stringify(loaded.form), 'utf8'), 'units.csv': unitsBytes };
  if (extname(o.form).toLowerCase() === '.xlsx') parts['form.xlsx'] = await readFile(resolve(io.cwd, o.form));
  if (quotasBytes) parts['quotas.csv'] = quotasBytes;
  if (agenciesBytes) parts['agencies.csv'] = agenciesBytes;
  return { form: loaded.form, parts };
}

export async function packageCreateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      form: { type: 'string' },
      units: { type: 'string' },
      quotas: { type: 'string' },
      agencies: { type: 'string' },
      keys: { type: 'string' },
      out: { type: 'string' },
      survey: { type: 'string' },
      title: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw usageError(`unexpected argument '${positionals[0]}'`);
  for (const name of ['form', 'units', 'keys', 'out'] as const) if (!values[name]) throw usageError(`missing --${name}`);
  const out = resolve(io.cwd, values.out!);
  if (extname(out) !== SURVEY_PACKAGE_EXTENSION) throw usageError(`--out must end in ${SURVEY_PACKAGE_EXTENSION}`);
  const { form, parts } = await buildParts(io, { form: values.form!, units: values.units!, quotas: values.quotas, agencies: values.agencies, keys: values.keys! });
  const keysDir = resolve(io.cwd, values.keys!);
  const protection = await analystSigningKeyProtection(keysDir);
  const protector = protection === 'age-passphrase'
    ? passphraseProtector(await io.readSecret('Cụm mật khẩu của khóa ký / passphrase of the signing key: '))
    : plainProtector();
  const { signing, recipient } = await loadAnalystSigningKeys(keysDir, protector);
  const survey = {
    id: values.survey ?? form.formId,
    title: values.title ?? form.title[form.defaultLanguage] ?? Object.values(form.title)[0] ?? form.formId,
    formVersion: form.version,
  };
  let bytes: Buffer;
  try {
    bytes = createSurveyPackage({ survey, recipient, createdAt: new Date().toISOString(), parts }, signing);
  } catch (error) {
    // The manifest schema refused the survey id, title or version: say which.
    if (error instanceof Error && error.message.startsWith('survey package manifest')) {
      throw new CliError(`gói không hợp lệ (mã khảo sát --survey, tên --title hoặc phiên bản phiếu) / invalid package (survey id --survey, --title or form version): ${error.message}`);
    }
    throw error;
  }
  await writeFileAtomic(out, bytes);
  const pkg = readSurveyPackage(bytes);
  const summary = {
    file: out,
    bytes: bytes.length,
    survey: pkg.manifest.survey,
    signer: pkg.signer.fingerprint,
    recipient: pkg.manifest.recipient.fingerprint,
    parts: pkg.manifest.parts.map((p) => ({ name: p.name, size: p.size })),
  };
  if (values.json) printJson(io, summary);
  else {
    printKeyValues(io, [
      ['tệp / file', out],
      ['khảo sát / survey', `${survey.id} — ${survey.title}`],
      ['phiên bản phiếu / form version', survey.formVersion],
      ['người ký / signer', summary.signer],
      ['khóa mã hóa / recipient', summary.recipient],
      ['phần / parts', summary.parts.map((p) => `${p.name} (${p.size} B)`).join(', ')],
    ]);
  }
  return 0;
}

export async function packageInstallCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { db: { type: 'string' }, json: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw usageError('package install takes one .kspkg file');
  const bytes = await readFileBounded(resolve(io.cwd, positionals[0]!), SURVEY_PACKAGE_LIMITS.fileBytes, 'package_damaged');
  const path = prepareDbTarget(dbTarget(values.db, io), { createDefaultFolder: true });
  const core = createCore({ dbPath: path });
  try {
    // The CLI acts as the operator (whoever can run it can write the database file), as `user add`.
    const r = core.services.packages.installSurveyPackage(bytes, null);
    if (values.json) printJson(io, r);
    else {
      printKeyValues(io, [
        ['khảo sát / survey', `${r.surveyId} — ${r.title}`],
        ['phiên bản phiếu / form version', r.formVersion],
        ['người ký / signer', `${r.signerFingerprint}${r.pinned ? ' (ghi nhận lần đầu / pinned now)' : ''}`],
        ['đơn vị / units', r.units],
        ['chỉ tiêu / quotas', r.quotas],
        ['kết quả / result', r.installed ? 'đã cài đặt / installed' : 'đã cài trước đó, không thay đổi gì / already installed, nothing changed'],
      ]);
    }
    return 0;
  } finally {
    core.close();
  }
}
