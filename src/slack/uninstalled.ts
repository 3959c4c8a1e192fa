/**
 * Installs that told us they are gone (`app_uninstalled`, or our bot's tokens revoked). Requests
 * for them are acknowledged and nothing more: no Web API call could succeed, and none should be
 * tried. Kept in memory: the app holds no tokens to forget (its one bot token is configuration),
 * and a restart with a revoked token is stopped by the start-up token check.
 */
const gone = new Set<string>();

export const markUninstalled = (installKey: string): void => {
  gone.add(installKey);
};

export const isUninstalled = (installKey: string | undefined): boolean =>
  installKey !== undefined && gone.has(installKey);
