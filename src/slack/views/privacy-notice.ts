import { actions, context, header, modal, section, type View } from './blocks.js';

export const privacyNoticeIds = {
  callbackId: 'privacy_notice',
  accept: 'privacy_notice_accept',
} as const;

export interface PrivacyNoticeOptions {
  readonly companyName: string;
  readonly retentionDays: number;
  /** Days without use after which a draft is deleted. */
  readonly draftIdleDays: number;
  /** Already accepted: show it for reading, with no accept button. */
  readonly accepted: boolean;
}

/**
 * Said before anything is collected: what is kept and where, who sees what, how long, how to
 * delete, that no diagnosis is needed, and where to turn in a crisis.
 */
export function privacyNoticeView({
  companyName,
  retentionDays,
  draftIdleDays,
  accepted,
}: PrivacyNoticeOptions): View {
  return modal({
    callbackId: privacyNoticeIds.callbackId,
    title: 'Before we start',
    close: accepted ? 'Close' : 'Not now',
    blocks: [
      header('Your privacy, in plain words'),
      section(
        'This app helps you ask for working hours that fit around treatment. ' +
          '*You never need to name a diagnosis or a condition.* A request only has to say what would help at work.',
      ),
      section(
        '*What is kept, and where*\n' +
          'Your schedule, the changes you ask for, and the wording you choose. ' +
          'Anything you write in your own words is encrypted before it is stored. ' +
          'Health details are kept out of Slack messages, logs and the writing assistant.',
      ),
      section(
        '*Who sees what*\n' +
          `• *HR at ${companyName}* sees your request letter and what you choose to share. Never your private notes or your chats with me.\n` +
          '• *Your manager*, only if you say yes, is told the approved days, hours and dates, and a short note for the team if you write one and send it. Not the reason.\n' +
          '• *The EAP team*, only if you say yes, sees the status and dates of your request. Never the reason or letters.',
      ),
      section(
        '*How long, and how to delete*\n' +
          `Drafts are deleted after ${draftIdleDays} days without use. Closed requests are deleted ${retentionDays} days after they close. ` +
          'You can export your data from my Home tab, and delete it at any time with `/accommodation delete-my-data`.',
      ),
      section(
        '*If you are struggling right now*\n' +
          'In the US or Canada, call or text *988*. In the UK, call Samaritans on *116 123*. ' +
          'If you are in danger, call your local emergency number.',
      ),
      ...(accepted
        ? [context('You have already agreed to this. You can read it again from the Home tab any time.')]
        : [
            actions('privacy_notice_actions', [
              { text: 'I understand, continue', actionId: privacyNoticeIds.accept, style: 'primary' },
            ]),
          ]),
    ],
  });
}
