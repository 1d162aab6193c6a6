export const activityDefaults = {
  pageSize: 100,
  retentionDays: 30,
  maxActionLength: 200,
  maxDetailLength: 4000,
} as const;
