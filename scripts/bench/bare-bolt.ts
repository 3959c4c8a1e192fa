import bolt from '@slack/bolt';

/**
 * The baseline: a bare Bolt 5 app on Bolt's own HTTP receiver, in its own process. For each kind
 * of interaction it acknowledges as the app did (the same response body) and then makes the same
 * Web API calls the app made for it when the interaction was recorded, addressed to the person
 * who acted. No store, no checks: what Bolt and the Web API cost on their own.
 */

export interface PlannedCall {
  readonly method: string;
  readonly args: Record<string, unknown>;
}

export interface Plan {
  readonly ack?: unknown;
  readonly calls: PlannedCall[];
}

/** Which recorded interaction a request body is, so baseline and app answer the same way. */
export function interactionKey(body: Record<string, unknown>, eapUser: string): string {
  const event = body.event as { type?: string; user?: string } | undefined;
  if (event?.type) return `event:${event.type}${event.user === eapUser ? ':eap' : ''}`;
  if (typeof body.command === 'string') return `command:${body.command}`;
  const view = body.view as { callback_id?: string } | undefined;
  if (body.type === 'view_submission') return `view:${view?.callback_id ?? ''}`;
  const actions = body.actions as Array<{ action_id?: string }> | undefined;
  if (body.type === 'block_actions') return `action:${actions?.[0]?.action_id ?? ''}`;
  return `other:${String(body.type)}`;
}

/** The recorded call's arguments for this person and this trigger. */
function addressed(args: Record<string, unknown>, recordedUser: string, user: string, trigger: unknown) {
  const text = JSON.stringify(args)
    .replaceAll(`U${recordedUser}`, `U${user}`)
    .replaceAll(`D${recordedUser}`, `D${user}`);
  const out = JSON.parse(text) as Record<string, unknown>;
  if ('trigger_id' in out && typeof trigger === 'string') out.trigger_id = trigger;
  // A recorded view hash belongs to the view as it was then.
  delete out.hash;
  return out;
}

function userOf(body: Record<string, unknown>): string {
  const user = body.user as { id?: string } | undefined;
  const event = body.event as { user?: string } | undefined;
  return String(user?.id ?? event?.user ?? body.user_id ?? '');
}

if (process.send) {
  const plans = new Map<string, Plan>();
  let recordedUser = '';
  let eapUser = '';
  const receiver = new bolt.HTTPReceiver({
    signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
    endpoints: '/slack/events',
  });
  const app = new bolt.App({
    token: process.env.SLACK_BOT_TOKEN ?? '',
    receiver,
    clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? '' },
    logLevel: bolt.LogLevel.ERROR,
  });
  app.use(async (args) => {
    const body = args.body as unknown as Record<string, unknown>;
    const plan = plans.get(interactionKey(body, eapUser));
    const ack = (args as unknown as { ack?: (response?: unknown) => Promise<void> }).ack;
    // Events are acknowledged by Bolt itself before listeners run.
    if (ack && body.type !== 'event_callback') await (plan?.ack ? ack(plan.ack) : ack());
    if (!plan) return;
    const user = userOf(body).replace(/^U/, '');
    for (const call of plan.calls) {
      try {
        await args.client.apiCall(call.method, addressed(call.args, recordedUser, user, body.trigger_id));
      } catch {
        // The baseline's calls may fail as the app's may; the cost is in making them.
      }
    }
  });
  const server = await receiver.start({ port: 0, host: '127.0.0.1' } as never);
  const address = (server as unknown as { address(): { port: number } }).address();
  process.on(
    'message',
    (message: { type: string; plans?: Record<string, Plan>; recordedUser?: string; eapUser?: string }) => {
      if (message.type === 'plans') {
        for (const [key, plan] of Object.entries(message.plans ?? {})) plans.set(key, plan);
        recordedUser = message.recordedUser ?? '';
        eapUser = message.eapUser ?? '';
        process.send?.({ type: 'plans' });
      } else if (message.type === 'stop') {
        app.stop().finally(() => process.exit(0));
      }
    },
  );
  process.send({ type: 'ready', url: `http://127.0.0.1:${address.port}/slack/events` });
}
