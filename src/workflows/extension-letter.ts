import type { AppConfig } from '../config.js';
import type { HrView } from '../domain/projections.js';
import type { LetterData } from '../letters/index.js';

export interface ExtensionLetterContext {
  /** The letter's date, in the employee's time zone. */
  readonly today: string;
  readonly employeeName: string;
  readonly org: AppConfig['org'];
}

/**
 * The extension request letter HR reads in the card's thread, built from HR's projection: the
 * arrangement's dates and the session days HR already holds, and the new end date asked for. It
 * carries nothing the employee typed, so it needs no release and can name no health detail.
 */
export function extensionLetterData(
  view: HrView,
  context: ExtensionLetterContext,
): LetterData<'extension_request'> | null {
  const extension = view.extension;
  if (!extension) return null;
  const { schedule, work } = view;
  const approval = view.approval;
  return {
    org: {
      companyName: context.org.companyName,
      signatureBlock: context.org.signatureBlock ?? null,
      policyUrl: context.org.policyUrl ?? null,
      address: context.org.address && context.org.address.length > 0 ? [...context.org.address] : null,
    },
    humanRightsLaw: view.jurisdiction === 'ca' ? (context.org.caHumanRightsLaw ?? null) : null,
    reference: view.reference,
    date: context.today,
    employee: { name: context.employeeName },
    schedule: {
      days: [...schedule.days],
      sessionStart: schedule.sessionStart,
      sessionEnd: schedule.sessionEnd,
      travelMinutes: schedule.travelMinutes,
      startDate: approval?.pattern.startDate ?? schedule.startDate,
      endDate: approval?.pattern.endDate ?? schedule.endDate,
      reviewDate: approval?.reviewDate ?? view.reviewDate ?? null,
      timeZone: work.timeZone,
    },
    approvedDate: approval ? approval.approvedAt.slice(0, 10) : null,
    extendUntil: extension.until,
    newReviewDate: null,
    changes: null,
    update: null,
  };
}
