// Demo data for UI development and the browser test: a supervisor, a surveyor and one survey,
// created through the same handlers the UI calls. Only on an empty database.
import type { Core } from '../services';
import { installSurvey } from '../services';
import type { Session } from '../ipc/types';

export const DEMO_USERS = {
  supervisor: { code: 'GS001', name: 'Nguyễn Thị Lan', secret: '24681035' },
  surveyor: { code: 'DTV001', name: 'Trần Văn Minh', secret: '135790' },
} as const;

export const DEMO_SURVEY = { id: 'hlcd-2025', title: 'Khảo sát mức độ hài lòng 2025', formVersion: 'v1' };

/** Returns false when the database already has users (nothing is changed then). */
export async function seedDemo(core: Pick<Core, 'db' | 'handlers'>): Promise<boolean> {
  const session: Session = { user: null };
  const status = await core.handlers['app:status']({}, { session });
  if (!status.needsSetup) return false;
  const { supervisor, surveyor } = DEMO_USERS;
  await core.handlers['setup:createFirstSupervisor'](supervisor, { session });
  await core.handlers['user:create']({ ...surveyor, role: 'surveyor' }, { session });
  installSurvey(core.db, {
    ...DEMO_SURVEY,
    definition: null,
    units: [{ code: '26734', nameVi: 'Phường Bến Nghé', nameEn: 'Ben Nghe Ward' }],
  });
  return true;
}
