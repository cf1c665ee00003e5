// Demo data for UI development and the browser test: a supervisor, a surveyor and an analyst, created through
// the same handlers the UI calls. Only on an empty database. The surveys are the built-in
// instruments the core installs on open.
import type { Core } from '../services';
import type { Session } from '../ipc/types';

export const DEMO_USERS = {
  supervisor: { code: 'GS001', name: 'Nguyễn Thị Lan', secret: '24681035' },
  surveyor: { code: 'DTV001', name: 'Trần Văn Minh', secret: '135790' },
  analyst: { code: 'PT001', name: 'Phạm Thu Hà', secret: '86420135' },
} as const;

/** Returns false when the database already has users (nothing is changed then). */
export async function seedDemo(core: Pick<Core, 'db' | 'handlers'>): Promise<boolean> {
  const session: Session = { user: null };
  const status = await core.handlers['app:status']({}, { session });
  if (!status.needsSetup) return false;
  const { supervisor, surveyor, analyst } = DEMO_USERS;
  await core.handlers['setup:createFirstSupervisor'](supervisor, { session });
  await core.handlers['user:create']({ ...surveyor, role: 'surveyor' }, { session });
  await core.handlers['user:create']({ ...analyst, role: 'analyst' }, { session });
  return true;
}
