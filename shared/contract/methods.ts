// Operation name → function name on `window.khaosat`, without zod: the sandboxed preload
// bundles only this table, so it stays a few kilobytes instead of carrying the schemas.
export const OPERATION_METHODS = {
  'app:status': 'status',
  'setup:createFirstSupervisor': 'createFirstSupervisor',
  'session:signIn': 'signIn',
  'session:signOut': 'signOut',
  'user:create': 'createUser',
  'user:list': 'listUsers',
  'user:unlock': 'unlockUser',
  'user:setActive': 'setUserActive',
  'user:resetSecret': 'resetUserSecret',
  'survey:list': 'listSurveys',
  'survey:units': 'listUnits',
  'survey:quotas': 'listQuotas',
  'package:install': 'installPackage',
  'form:get': 'getForm',
  'interview:start': 'startInterview',
  'interview:saveAnswer': 'saveAnswer',
  'interview:recordEvents': 'recordEvents',
  'interview:complete': 'completeInterview',
  'interview:close': 'closeInterview',
  'interview:reopen': 'reopenInterview',
  'interview:load': 'loadInterview',
  'interview:list': 'listInterviews',
  'review:list': 'listReview',
  'review:get': 'getReview',
  'interview:approve': 'approveInterview',
  'interview:reject': 'rejectInterview',
  'recovery:status': 'recoveryStatus',
  'recovery:restore': 'restoreBackup',
} as const;

export type OperationMethodTable = typeof OPERATION_METHODS;
