import type { ManagerView } from '../../../domain/projections.js';
import type { LetterLocale } from '../../../letters/index.js';
import { context, header, type KnownBlock, section } from '../blocks.js';
import { managerPatternLines, managerStateLabels, teamNoteLine } from './notice.js';

/** People listed before "and N more": keeps the Home tab well inside Slack's 100 blocks. */
export const MANAGER_HOME_MAX = 20;

/**
 * The most blocks the section ever takes (heading, explanation, a row each, "and N more"): the room
 * HR's and the EAP coordinator's Home tabs keep for it under Slack's 100.
 */
export const MANAGER_HOME_MAX_BLOCKS = MANAGER_HOME_MAX + 3;

/**
 * The part of a manager's Home tab that lists what they were told: per employee, the approved
 * days and hours, the dates, and where it stands now. Built from manager projections only.
 */
export function managerHomeBlocks(
  views: readonly ManagerView[],
  locale: LetterLocale = 'en-US',
): KnownBlock[] {
  if (views.length === 0) return [];
  const blocks: KnownBlock[] = [
    header('Working patterns you were told about'),
    context(
      'Each person agreed that you be told their approved days, hours and dates. That is all this app tells you.',
    ),
  ];
  for (const view of views.slice(0, MANAGER_HOME_MAX)) {
    const note = view.state === 'in_place' ? teamNoteLine(view) : undefined;
    const lines = [...managerPatternLines(view, locale).map((line) => `• ${line}`), ...(note ? [note] : [])];
    blocks.push(section(`*<@${view.employeeId}>* · ${managerStateLabels[view.state]}\n${lines.join('\n')}`));
  }
  const more = views.length - MANAGER_HOME_MAX;
  if (more > 0) blocks.push(context(`…and ${more} more, ended longest ago.`));
  return blocks;
}
