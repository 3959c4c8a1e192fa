/**
 * Start-up's first question to Slack: is this bot token good? Asked once with `auth.test`, bounded
 * by a timeout and never retried, so a wrong token or a Slack that can't be reached stops the app
 * in seconds with one sentence, instead of Bolt and Socket Mode retrying in the background forever.
 */

export const SLACK_API = 'https://slack.com/api/';

export type TokenCheck =
  | {
      readonly ok: true;
      readonly teamId?: string;
      readonly enterpriseId?: string;
      readonly botUserId?: string;
    }
  | { readonly ok: false; readonly problem: string };

export interface TokenCheckOptions {
  readonly token: string;
  /** The emulator's address in the demo and tests; Slack's own otherwise. */
  readonly apiUrl?: string;
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
}

const revoked = new Set(['token_revoked', 'token_expired', 'account_inactive', 'app_uninstalled']);
const refused = new Set(['invalid_auth', 'not_authed', 'not_allowed_token_type']);

export async function checkSlackToken(options: TokenCheckOptions): Promise<TokenCheck> {
  const base = (options.apiUrl ?? SLACK_API).replace(/\/?$/, '/');
  const timeoutMs = options.timeoutMs ?? 5_000;
  const where = options.apiUrl ? `Slack at ${base} (SLACK_API_URL)` : 'Slack (slack.com)';
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(`${base}auth.test`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${options.token}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const seconds = Math.round(timeoutMs / 100) / 10;
    const why = isTimeout(error) ? `no answer within ${seconds} s` : `${networkCode(error)}`;
    return {
      ok: false,
      problem: `could not reach ${where} to check SLACK_BOT_TOKEN (${why}): check this machine's network, DNS, proxy and firewall${options.apiUrl ? ', and SLACK_API_URL' : ''}.`,
    };
  }
  const body = (await response.json().catch(() => undefined)) as
    | { ok?: boolean; error?: string; team_id?: string; enterprise_id?: string; user_id?: string }
    | undefined;
  if (!response.ok || !body) {
    return {
      ok: false,
      problem: `${where} answered the token check with HTTP ${response.status}, not Slack's API: check the network's proxy${options.apiUrl ? ' and SLACK_API_URL' : ''}, or Slack's status page.`,
    };
  }
  if (body.ok === true) {
    return { ok: true, teamId: body.team_id, enterpriseId: body.enterprise_id, botUserId: body.user_id };
  }
  const code = typeof body.error === 'string' ? body.error.replace(/[^a-z_]/gi, '').slice(0, 40) : 'unknown';
  if (revoked.has(code)) {
    return {
      ok: false,
      problem: `Slack says SLACK_BOT_TOKEN no longer works (${code}): reinstall the app to your workspace and copy the new Bot User OAuth Token from OAuth & Permissions.`,
    };
  }
  if (refused.has(code)) {
    return {
      ok: false,
      problem: `Slack refused SLACK_BOT_TOKEN (${code}): check that it is the Bot User OAuth Token (xoxb-…) of the installed app, copied whole from OAuth & Permissions.`,
    };
  }
  return {
    ok: false,
    problem: `Slack refused the token check (${code}): check SLACK_BOT_TOKEN on your app's OAuth & Permissions page.`,
  };
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/** The system's reason (ECONNREFUSED, ENOTFOUND, …): it names the cause without any secret. */
function networkCode(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const plain: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host name not found',
    EAI_AGAIN: 'DNS lookup failed',
    ECONNRESET: 'connection reset',
    ENETUNREACH: 'network unreachable',
    EHOSTUNREACH: 'host unreachable',
    ETIMEDOUT: 'connection timed out',
  };
  return code ? `${plain[code] ?? 'network error'}, ${code}` : 'network error';
}
