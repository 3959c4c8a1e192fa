import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { IntakeStep } from '../../../domain/draft.js';
import type { AppServices } from '../../../services.js';
import { assistantIds } from '../../views/assistant.js';
import { draftNudgeIds } from '../../views/draft-nudge.js';
import { employeeEventIds } from '../../views/employee-event.js';
import { employeeLetterIds } from '../../views/employee-letter.js';
import { homeIds } from '../../views/home.js';
import { hrHomeIds } from '../../views/hr/home.js';
import { hrActionId, hrCardIds } from '../../views/hr-card.js';
import { reviewIds } from '../../views/intake/index.js';
import { myRequestIds } from '../../views/my-requests.js';
import { privacyNoticeIds } from '../../views/privacy-notice.js';
import { whatIWroteIds } from '../../views/what-i-wrote.js';
import type { ButtonArgs } from '../args.js';
import { forEmployee, forHr } from '../audience.js';
import { acceptAlternative } from './employee/accept-alternative.js';
import { acceptPrivacyNotice } from './employee/accept-privacy-notice.js';
import { askForExtension } from './employee/ask-for-extension.js';
import { askForUpdate } from './employee/ask-for-update.js';
import { chooseTopic } from './employee/choose-topic.js';
import { confirmDeleteData } from './employee/confirm-delete-data.js';
import { confirmEnd } from './employee/confirm-end.js';
import { confirmWithdraw } from './employee/confirm-withdraw.js';
import { declineAlternative } from './employee/decline-alternative.js';
import { editStep } from './employee/edit-step.js';
import { editWording } from './employee/edit-wording.js';
import { exportMyData } from './employee/export-my-data.js';
import { letterPdf } from './employee/letter-pdf.js';
import { openLetter } from './employee/open-letter.js';
import { openWhatIWrote } from './employee/open-what-i-wrote.js';
import { providerPending } from './employee/provider-pending.js';
import { readPrivacyNotice } from './employee/read-privacy-notice.js';
import { redraftWording } from './employee/redraft-wording.js';
import { startRequest } from './employee/start-request.js';
import { turnOffDraftNudgesButton } from './employee/turn-off-draft-nudges.js';
import { viewMyRequest } from './employee/view-my-request.js';
import { whoHasSeen } from './employee/who-has-seen.js';
import { acknowledge } from './hr/acknowledge.js';
import { addNote } from './hr/add-note.js';
import { adjust } from './hr/adjust.js';
import { approve } from './hr/approve.js';
import { askForDocumentation } from './hr/ask-for-documentation.js';
import { assignToMe } from './hr/assign-to-me.js';
import { close } from './hr/close.js';
import { declineExtension } from './hr/decline-extension.js';
import { deny } from './hr/deny.js';
import { documentationReceived } from './hr/documentation-received.js';
import { end } from './hr/end.js';
import { extend } from './hr/extend.js';
import { history } from './hr/history.js';
import { homePage } from './hr/home-page.js';
import { offerAlternative } from './hr/offer-alternative.js';
import { reassign } from './hr/reassign.js';
import { viewRequest } from './hr/view-request.js';

/** Buttons: each action id to its handler. */
export function register(app: App, services: AppServices): void {
  const button = (actionId: string, handler: (args: ButtonArgs) => Promise<void>) =>
    app.action<BlockAction<ButtonAction>>(actionId, handler);

  button(privacyNoticeIds.accept, forEmployee(acceptPrivacyNotice(services)));
  button(homeIds.readNotice, forEmployee(readPrivacyNotice(services)));
  button(homeIds.startRequest, forEmployee(startRequest(services)));
  button(homeIds.continueDraft, forEmployee(startRequest(services)));
  button(draftNudgeIds.turnOff, forEmployee(turnOffDraftNudgesButton(services)));
  button(assistantIds.startRequest, forEmployee(startRequest(services)));
  for (const topicId of assistantIds.topics) button(topicId, forEmployee(chooseTopic(services)));
  button(homeIds.deleteData, forEmployee(confirmDeleteData));
  button(homeIds.exportData, forEmployee(exportMyData(services)));
  button(whatIWroteIds.open, forEmployee(openWhatIWrote(services)));
  button(myRequestIds.viewRequest, forEmployee(viewMyRequest(services)));
  button(myRequestIds.withdrawRequest, forEmployee(confirmWithdraw(services)));
  button(myRequestIds.askForUpdate, forEmployee(askForUpdate(services)));
  button(employeeEventIds.askForExtension, forEmployee(askForExtension(services)));
  button(employeeEventIds.endArrangement, forEmployee(confirmEnd(services)));
  button(reviewIds.editWording, forEmployee(editWording(services)));
  button(reviewIds.redraft, forEmployee(redraftWording(services)));
  for (const [step, actionId] of Object.entries(reviewIds.editStep) as [
    Exclude<IntakeStep, 'review'>,
    string,
  ][]) {
    button(actionId, forEmployee(editStep(services, step)));
  }

  button(employeeEventIds.acceptAlternative, forEmployee(acceptAlternative(services)));
  button(employeeEventIds.declineAlternative, forEmployee(declineAlternative(services)));
  button(employeeEventIds.providerPending, forEmployee(providerPending(services)));
  button(employeeEventIds.whoHasSeen, forEmployee(whoHasSeen(services)));
  button(employeeEventIds.openLetter, forEmployee(openLetter(services)));
  button(employeeLetterIds.pdf, forEmployee(letterPdf(services)));

  button(hrCardIds.viewRequest, forHr(viewRequest(services)));
  button(hrActionId('history'), forHr(history(services)));
  button(`${hrHomeIds.page}_prev`, forHr(homePage(services)));
  button(`${hrHomeIds.page}_next`, forHr(homePage(services)));
  button(hrActionId('assign_to_me'), forHr(assignToMe(services)));
  button(hrActionId('reassign'), forHr(reassign(services)));
  button(hrActionId('acknowledge'), forHr(acknowledge(services)));
  button(hrActionId('request_documentation'), forHr(askForDocumentation(services)));
  button(hrActionId('documentation_received'), forHr(documentationReceived(services)));
  button(hrActionId('offer_alternative'), forHr(offerAlternative(services)));
  button(hrActionId('approve'), forHr(approve(services)));
  button(hrActionId('deny'), forHr(deny(services)));
  button(hrActionId('close'), forHr(close(services)));
  button(hrActionId('end'), forHr(end(services)));
  button(hrActionId('extend'), forHr(extend(services)));
  button(hrActionId('adjust'), forHr(adjust(services)));
  button(hrActionId('decline_extension'), forHr(declineExtension(services)));
  button(hrActionId('add_note'), forHr(addNote(services)));
}
