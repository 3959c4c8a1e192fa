import type { App } from '@slack/bolt';
import type { AppServices } from '../../../services.js';
import { declineIds } from '../../views/decline-alternative.js';
import { extensionRequestIds } from '../../views/extension-request.js';
import { hrFormIds } from '../../views/hr/ids.js';
import { intakeCallbackIds } from '../../views/intake/index.js';
import { myDataIds } from '../../views/my-data.js';
import { forEmployee, forHr } from '../audience.js';
import { closeReview } from './employee/close-review.js';
import { submitDecline } from './employee/decline-alternative.js';
import { deleteMyData } from './employee/delete-my-data.js';
import { endArrangement } from './employee/end-arrangement.js';
import { type FormStep, forms } from './employee/intake-form.js';
import { saveIntakeStep } from './employee/save-intake-step.js';
import { sendExtensionRequest } from './employee/send-extension-request.js';
import { sendRequest } from './employee/send-request.js';
import { submitIntakeStep } from './employee/submit-intake-step.js';
import { submitWordingEdit } from './employee/submit-wording-edit.js';
import { withdrawRequest } from './employee/withdraw-request.js';
import { submitAdjustment } from './hr/submit-adjustment.js';
import { submitAlternative } from './hr/submit-alternative.js';
import { submitApproval } from './hr/submit-approval.js';
import { submitClose } from './hr/submit-close.js';
import { submitDenial } from './hr/submit-denial.js';
import { submitDocumentationRequest } from './hr/submit-documentation-request.js';
import { submitEnd } from './hr/submit-end.js';
import { submitExtension } from './hr/submit-extension.js';
import { submitNote } from './hr/submit-note.js';
import { submitReassign } from './hr/submit-reassign.js';

/** Modals: each callback id (submitted or closed) to its handler. */
export function register(app: App, services: AppServices): void {
  for (const step of Object.keys(forms) as FormStep[]) {
    app.view(intakeCallbackIds[step], forEmployee(submitIntakeStep(services, step)));
    app.view(
      { callback_id: intakeCallbackIds[step], type: 'view_closed' },
      forEmployee(saveIntakeStep(services, step)),
    );
  }
  app.view(
    { callback_id: intakeCallbackIds.review, type: 'view_closed' },
    forEmployee(closeReview(services)),
  );
  app.view(
    { callback_id: intakeCallbackIds.preparing, type: 'view_closed' },
    forEmployee(closeReview(services)),
  );
  app.view(intakeCallbackIds.editWording, forEmployee(submitWordingEdit(services)));
  app.view(intakeCallbackIds.review, forEmployee(sendRequest(services)));
  app.view(myDataIds.deleteCallback, forEmployee(deleteMyData(services)));
  app.view(myDataIds.withdrawCallback, forEmployee(withdrawRequest(services)));
  app.view(declineIds.callback, forEmployee(submitDecline(services)));
  app.view(extensionRequestIds.callback, forEmployee(sendExtensionRequest(services)));
  app.view(extensionRequestIds.endCallback, forEmployee(endArrangement(services)));

  app.view(hrFormIds.reassign, forHr(submitReassign(services)));
  app.view(hrFormIds.requestDocumentation, forHr(submitDocumentationRequest(services)));
  app.view(hrFormIds.offerAlternative, forHr(submitAlternative(services)));
  app.view(hrFormIds.approve, forHr(submitApproval(services)));
  app.view(hrFormIds.deny, forHr(submitDenial(services)));
  app.view(hrFormIds.close, forHr(submitClose(services)));
  app.view(hrFormIds.end, forHr(submitEnd(services)));
  app.view(hrFormIds.extend, forHr(submitExtension(services)));
  app.view(hrFormIds.adjust, forHr(submitAdjustment(services)));
  app.view(hrFormIds.addNote, forHr(submitNote(services)));
}
