import type { types } from '@slack/bolt';
import type { IntakeStep } from '../../domain/draft.js';
import { intakeSteps } from '../../domain/draft.js';
import type { MyRequest } from '../../workflows/my-requests.js';
import { actions, context, divider, header, type KnownBlock, plain, section, type View } from './blocks.js';
import { stepTitles } from './intake/inputs.js';
import { myRequestBlocks } from './my-requests.js';
import { shortDate } from './text.js';

export const homeIds = {
  readNotice: 'home_read_notice',
  startRequest: 'home_start_request',
  continueDraft: 'home_continue_draft',
  exportData: 'home_export_data',
  deleteData: 'home_delete_data',
  /** Block ids. Each request's buttons are in its own block (see `myRequestIds`). */
  startBlock: 'home_start',
  dataBlock: 'home_data',
} as const;

export interface HomeOptions {
  readonly companyName: string;
  /** The draft in progress, if any: the step it is at and when it was last saved. */
  readonly draft?: { readonly step: IntakeStep; readonly updatedAt: string };
  /** Newest first: each request's projection and the actions open to the employee now. */
  readonly requests?: readonly MyRequest[];
  /** As someone's manager: what they were told (views/manager/home.ts), after their own requests. */
  readonly managerBlocks?: readonly KnownBlock[];
}

/** Requests listed before "and N more": keeps the tab well inside Slack's 100 blocks. */
export const HOME_MAX_REQUESTS = 20;

/** The App Home: where an employee starts, comes back to, and finds the privacy notice. */
export function homeView({ companyName, draft, requests = [], managerBlocks = [] }: HomeOptions): View {
  return {
    type: 'home',
    blocks: [
      header('Accommodation Assistant'),
      section(
        `Hi there. I can help you ask ${companyName} for working hours that fit around a treatment program, ` +
          'privately and at your own pace. You never need to share a diagnosis.',
      ),
      ...startBlocks(draft),
      divider(),
      header('My requests'),
      ...requestBlocks(requests),
      ...(managerBlocks.length > 0 ? [divider(), ...managerBlocks] : []),
      divider(),
      section('*Your data*\nSee what is kept and who sees it, take a copy, or delete it.'),
      {
        type: 'actions',
        block_id: homeIds.dataBlock,
        elements: [
          button({ text: 'Read the privacy notice', actionId: homeIds.readNotice }),
          button({ text: 'Export my data', actionId: homeIds.exportData }),
          button({
            text: 'Delete my data',
            actionId: homeIds.deleteData,
            style: 'danger',
            confirm: {
              title: 'Delete your data?',
              text:
                'Your draft is deleted straight away. Requests you have sent are withdrawn and then deleted. ' +
                'This can’t be undone.',
              confirm: 'Delete',
              deny: 'Keep it',
            },
          }),
        ],
      },
      context('Type `/accommodation` anywhere, or send me a message here, to get started.'),
    ],
  };
}

function startBlocks(draft: HomeOptions['draft']): KnownBlock[] {
  if (!draft) {
    return [
      actions(homeIds.startBlock, [
        { text: 'Start a request', actionId: homeIds.startRequest, style: 'primary' },
      ]),
    ];
  }
  const number = intakeSteps.indexOf(draft.step) + 1;
  return [
    section(
      `You have a draft saved at *Step ${number} of ${intakeSteps.length} · ${stepTitles[draft.step]}*. ` +
        'Pick up where you left off whenever you’re ready.',
    ),
    context(`Last saved ${shortDate(draft.updatedAt)}`),
    actions(homeIds.startBlock, [
      { text: 'Continue your draft', actionId: homeIds.continueDraft, style: 'primary' },
    ]),
  ];
}

function requestBlocks(requests: readonly MyRequest[]): KnownBlock[] {
  if (requests.length === 0) {
    return [context('Nothing sent yet. When you send a request, it shows here with how it’s going.')];
  }
  const blocks = requests.slice(0, HOME_MAX_REQUESTS).flatMap(myRequestBlocks);
  const more = requests.length - HOME_MAX_REQUESTS;
  if (more > 0) {
    blocks.push(context(`…and ${more} more. Type \`/accommodation status\` to see them all.`));
  }
  return blocks;
}

interface ButtonWithConfirm {
  readonly text: string;
  readonly actionId: string;
  readonly value?: string;
  readonly style?: 'primary' | 'danger';
  readonly confirm?: { title: string; text: string; confirm: string; deny: string };
}

function button(spec: ButtonWithConfirm): types.Button {
  return {
    type: 'button',
    text: plain(spec.text),
    action_id: spec.actionId,
    ...(spec.value !== undefined ? { value: spec.value } : {}),
    ...(spec.style ? { style: spec.style } : {}),
    ...(spec.confirm
      ? {
          confirm: {
            title: plain(spec.confirm.title),
            text: plain(spec.confirm.text),
            confirm: plain(spec.confirm.confirm),
            deny: plain(spec.confirm.deny),
            ...(spec.style === 'danger' ? { style: 'danger' as const } : {}),
          },
        }
      : {}),
  };
}
