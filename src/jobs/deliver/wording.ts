import type { LifecycleEvent } from '../../domain/effects.js';

/**
 * The sentences the worker posts for each event. Each says what happened and, for the employee,
 * what comes next; none names a reason or repeats anything anyone typed. A message never claims
 * more than what happened: the employee's "sent" says the request is stored and HR will be told.
 */

export function employeeSentence(event: string, reference: string): string {
  const sentences: Partial<Record<LifecycleEvent, string>> = {
    submitted: `Your request ${reference} is saved, and HR will be told about it. I’ll let you know here when HR replies.`,
    acknowledged: `HR has received your request ${reference} and is looking at it.`,
    assigned: `Someone in HR is now looking after your request ${reference}.`,
    documentation_requested: `HR has asked for a short form from your provider for ${reference}. Open the letter to see what it asks.`,
    provider_form: `Here is the form for your provider, for ${reference}. They only need to confirm the days, times and dates HR asked about, and send it to HR directly, outside Slack. Open the letter to print it or save it as a PDF.`,
    provider_pending: `I’ve told HR that you asked your provider for the form for ${reference}.`,
    documentation_received: `HR has the form they needed for ${reference}.`,
    alternative_offered: `HR has suggested another arrangement for ${reference}. Open my Home tab to accept or decline it.`,
    alternative_accepted: `You accepted HR’s suggestion for ${reference}. HR has been told.`,
    alternative_declined: `You declined HR’s suggestion for ${reference}. HR has been told.`,
    approved: `Your request ${reference} is approved. Open my Home tab for the details.`,
    denied: `HR has answered your request ${reference}. Open the letter to read their answer and how to ask them to look at it again.`,
    closed: `Your request ${reference} is closed.`,
    withdrawn: `Your request ${reference} is withdrawn. HR has been told, and nothing else.`,
    update_requested: `I’ve asked HR for an update on ${reference}. I’ll let you know when they reply.`,
    review_due: `Your arrangement ${reference} is coming up for review. Would you like to keep it going for longer, or let it end? Whatever you choose, HR is told; if you need nothing, it simply runs to its end date.`,
    extension_requested: `I’ve sent HR your request to extend ${reference}, with the letter asking for it. I’ll let you know here when HR answers.`,
    extension_declined: `HR has answered your request to extend ${reference}: the arrangement stays as it is until its end date. You can talk to HR, or ask again, from my Home tab.`,
    extended: `Your arrangement ${reference} has been extended. Open my Home tab for the new dates.`,
    ended: `Your arrangement ${reference} has ended.`,
    erased: `What you wrote for ${reference} is deleted; HR keeps only its record of the request until the retention period ends.`,
  };
  return (
    sentences[event as LifecycleEvent] ?? `There is news about your request ${reference} on my Home tab.`
  );
}

export function hrThreadSentence(event: string, reference: string, employeeId: string): string {
  const who = `<@${employeeId}>`;
  const sentences: Partial<Record<LifecycleEvent, string>> = {
    submitted: 'Request received.',
    acknowledged: 'Acknowledged.',
    assigned: 'Assigned.',
    documentation_requested: 'Documentation requested from the employee’s provider.',
    provider_pending: `${who} has asked their provider for the form.`,
    documentation_received: 'Documentation received.',
    alternative_offered: 'Another arrangement was offered.',
    alternative_accepted: `${who} accepted the other arrangement.`,
    alternative_declined: `${who} declined the other arrangement.`,
    approved: 'Approved.',
    denied: 'Not approved.',
    note_added: 'A note was added.',
    closed: 'Closed.',
    withdrawn: `Request ${reference} was withdrawn by the employee. No action is needed.`,
    update_requested: `${who} asked for an update on ${reference}.`,
    review_due: 'The arrangement is due for review: extend it, adjust its hours, or end it, from the card.',
    extension_requested: `${who} asked to extend the arrangement. Their letter is below; answer it from the card (Extend, Adjust, Keep the end date).`,
    extension_declined: 'The extension was not given; the arrangement keeps its dates.',
    extended: 'Extended.',
    ended: 'Ended.',
    // The employee's choice to delete their data is theirs: HR hears what it means for the request.
    erased: `Request ${reference} was withdrawn by the employee. No action is needed.`,
    purged: 'Deleted at the end of the retention period.',
  };
  return sentences[event as LifecycleEvent] ?? 'The request changed.';
}
