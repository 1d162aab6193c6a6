export const activityDefaults = {
  pageSize: 100,
  maxActionLength: 200,
  maxDetailLength: 4000,
} as const;
