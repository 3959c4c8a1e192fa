import type { Directory } from '@accommodation-assistant/slack-emulator';

/**
 * The demo's workspace: four people (an employee, HR, the EAP coordinator and a manager), the HR
 * and EAP user groups and HR's channel. Ids follow Slack's shapes (letters and digits only) so
 * they pass the app's own config checks. The demo and the end-to-end tests both use it.
 */
export const demoDirectory: Directory = {
  team: { id: 'T0DEMO', domain: 'demo', name: 'Demo Company' },
  bot: { userId: 'U0BOT', botId: 'B0BOT', appId: 'A0DEMO', name: 'Accommodation Assistant' },
  users: [
    {
      id: 'UEMPLOYEE',
      role: 'an employee asking for flexible hours',
      handle: 'employee',
      name: 'sam',
      realName: 'Sam Rivera',
      title: 'Support Engineer',
      tz: 'America/New_York',
      tzLabel: 'Eastern Standard Time',
      tzOffset: -18_000,
      email: 'sam@example.com',
      // The workspace profile's Manager field: the intake offers Casey, and Sam confirms or changes it.
      managerId: 'UMANAGER',
    },
    {
      id: 'UHR',
      role: 'HR',
      handle: 'hr',
      name: 'alex',
      realName: 'Alex Morgan',
      title: 'People Partner',
      tz: 'America/Chicago',
      tzLabel: 'Central Standard Time',
      tzOffset: -21_600,
      email: 'alex@example.com',
    },
    {
      id: 'UEAP',
      role: 'the EAP coordinator',
      handle: 'eap',
      name: 'jordan',
      realName: 'Jordan Lee',
      title: 'EAP Coordinator',
      tz: 'America/Los_Angeles',
      tzLabel: 'Pacific Standard Time',
      tzOffset: -28_800,
      email: 'jordan@example.com',
    },
    {
      id: 'UMANAGER',
      role: 'a manager',
      handle: 'manager',
      name: 'casey',
      realName: 'Casey Kim',
      title: 'Support Team Lead',
      tz: 'America/New_York',
      tzLabel: 'Eastern Standard Time',
      tzOffset: -18_000,
      email: 'casey@example.com',
    },
  ],
  userGroups: { SHR: ['UHR'], SEAP: ['UEAP'] },
  channels: [{ id: 'CHR', name: 'hr-accommodations', members: ['UHR'] }],
};
