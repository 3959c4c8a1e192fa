import { DateTime } from 'luxon';
import type { AppServices } from '../../../../services.js';
import { approveForm } from '../../../views/hr/decision-forms.js';
import { defaultsFrom } from '../../../views/hr/pattern-form.js';
import { formButton } from '../../hr-handlers.js';

/**
 * "Approve": the pattern (the accepted alternative if there is one, else what was asked), a review
 * date, and the manager to tell when the employee agreed to that.
 */
export const approve = (services: AppServices) =>
  formButton(services, 'approve', (request) => {
    const accepted = request.alternative?.response === 'accepted' ? request.alternative.pattern : undefined;
    const defaults = defaultsFrom(request, accepted);
    return approveForm({
      reference: request.id,
      defaults,
      reviewDate: request.reviewDate ?? suggestedReview(defaults.startDate, defaults.endDate),
      ...(request.disclosure.shareScheduleWithManager
        ? { manager: request.managerId ? { initial: request.managerId } : {} }
        : {}),
    });
  });

/** Four weeks in, or the last day if the arrangement is shorter. */
function suggestedReview(startDate: string, endDate: string): string {
  const fourWeeks = DateTime.fromISO(startDate).plus({ weeks: 4 }).toISODate() ?? endDate;
  return fourWeeks < endDate ? fourWeeks : endDate;
}
