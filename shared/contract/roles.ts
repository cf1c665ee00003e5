// Roles of the people who use KhaoSat. The main process enforces them on every call.
export const ROLES = ['surveyor', 'supervisor', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  surveyor: { vi: 'Điều tra viên', en: 'Surveyor' },
  supervisor: { vi: 'Giám sát viên', en: 'Supervisor' },
  analyst: { vi: 'Chuyên viên phân tích', en: 'Analyst' },
};
