/**
 * Slack mrkdwn treats `<...>` as links and mentions (`<!channel>`, `<@U123>`) and `&` as the start
 * of an entity. Escaping exactly these three, as Slack asks, makes text supplied by a person or a
 * model show literally and never ping anyone.
 */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
