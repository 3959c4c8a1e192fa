import type { FieldProblem } from '../../../../letters/index.js';
import type { AppServices } from '../../../../services.js';
import { denialLetterProblems } from '../../../../workflows/denial-letter.js';
import { todayIn } from '../../../../workflows/request-letter.js';
import { hrBlocks } from '../../../views/hr/ids.js';
import { readDeny } from '../../../views/hr/read-forms.js';
import { formSubmission } from '../../hr-handlers.js';

/**
 * "Deny": refused inline until the reason, explanation, alternatives and the way back are all
 * there, and until the denial letter the employee gets could be written from them under the
 * request's law: the letter's own schema judges, and its problems are shown beside HR's fields.
 */
export const submitDenial = (services: AppServices) =>
  formSubmission(services, 'deny', readDeny, (payload, request, actor) => {
    const errors: Record<string, string> = {};
    const { reconsiderBy } = payload as { reconsiderBy?: string };
    if (reconsiderBy && reconsiderBy <= todayIn(request.work.timeZone, services.now()))
      errors[hrBlocks.reconsiderBy] = 'Please give the employee until a day after today to ask again.';
    for (const problem of denialLetterProblems(services, request, payload, actor.id)) {
      const [block, message] = placed(problem);
      errors[block] ??= message;
    }
    return errors;
  });

/** A problem the letter found, beside the field that answers it, in HR's words. */
function placed({ path, expected }: FieldProblem): [string, string] {
  if (path === 'alternativesConsidered' && expected.includes('"leave"'))
    return [
      hrBlocks.whyNotLeave,
      'Please say why leave would not work: US law expects it weighed before a denial.',
    ];
  if (path === 'alternativesConsidered' && expected.includes('"reassignment"'))
    return [
      hrBlocks.whyNotReassignment,
      'Please say why a move to a vacant job would not work: US law expects it weighed before a denial.',
    ];
  if (path === 'consultedOn')
    return [
      hrBlocks.consultedOn,
      expected.startsWith('a date on or before')
        ? 'The consultation needs to have happened already: please give a date on or before today.'
        : 'Please give the date you consulted the employee: a refusal must follow that meeting.',
    ];
  if (path === 'flexibleWorkingGround')
    return [
      hrBlocks.flexibleWorkingGround,
      'Please choose the statutory ground for refusing the flexible working request.',
    ];
  if (path === 'reconsiderBy') return [hrBlocks.reconsiderBy, 'Please choose a real date.'];
  return [hrBlocks.explanation, `The denial letter could not be written: ${path} needs ${expected}.`];
}
