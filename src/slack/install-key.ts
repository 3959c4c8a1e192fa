/**
 * Which install a request belongs to, as the store keys everything. Read from the payload itself,
 * wherever its kind keeps it, so that Enterprise Grid works too:
 * - an org-wide install (`is_enterprise_install`) is one install for the whole organisation: its
 *   key is the enterprise id, whichever workspace of the org the person acted from (Slack sends
 *   `team: null` on its interactive payloads there);
 * - any other install is keyed by its workspace: `team.id`, `team_id`, `user.team_id`, the view's
 *   `team_id` or the event's authorization, whichever the payload carries.
 * Undefined when the payload names neither, and the caller says so plainly.
 */
type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

export function installKeyOf(body: unknown): string | undefined {
  if (!isObject(body)) return undefined;
  const authorization =
    Array.isArray(body.authorizations) && isObject(body.authorizations[0])
      ? body.authorizations[0]
      : undefined;
  const enterpriseInstall =
    body.is_enterprise_install === true ||
    body.is_enterprise_install === 'true' ||
    authorization?.is_enterprise_install === true;
  const enterpriseId =
    (isObject(body.enterprise) ? text(body.enterprise.id) : undefined) ??
    text(body.enterprise_id) ??
    text(authorization?.enterprise_id) ??
    (isObject(body.user) ? text(body.user.enterprise_id) : undefined);
  if (enterpriseInstall) return enterpriseId;
  return (
    (isObject(body.team) ? text(body.team.id) : undefined) ??
    text(body.team_id) ??
    (isObject(body.user) ? text(body.user.team_id) : undefined) ??
    (isObject(body.view) ? text(body.view.team_id) : undefined) ??
    text(authorization?.team_id)
  );
}
