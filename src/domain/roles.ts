/** Who is acting. `system` is the app itself (reminders, retention), never a person. */
export const roles = ['employee', 'hr', 'eap', 'manager', 'system'] as const;
export type Role = (typeof roles)[number];

export interface Actor {
  readonly role: Role;
  /** Slack user id, or `system`. Routing data (C0) only. */
  readonly id: string;
}

export const systemActor: Actor = { role: 'system', id: 'system' };
