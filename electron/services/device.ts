// This laptop's identity: a UUID created at first run and never changed, stamped on every
// interview and batch so records from different laptops never collide.
import { randomUUID } from 'node:crypto';
import type { Repositories } from '../db/repositories';

export function ensureDeviceId(repos: Repositories, clock: () => Date): string {
  const existing = repos.device.get();
  if (existing) return existing.id;
  repos.device.insertIfAbsent(randomUUID(), clock().toISOString());
  const created = repos.device.get();
  if (!created) throw new Error('device row missing right after insert');
  return created.id;
}
