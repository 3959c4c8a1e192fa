import type { Json, StoredMessage, StoredView } from './workspace.js';

/**
 * Block Kit as plain terminal text: what a person would see in Slack, in reading order. Buttons
 * (and overflow menu items) are numbered [1], [2], ... across the screen; inputs are shown as
 * prompts with their options, current value and any error. Pure: the caller passes the views and
 * messages to show and a way to turn ids into names.
 */

export type Where = { kind: 'view'; viewId: string } | { kind: 'message'; channel: string; ts: string };

export interface ClickTarget {
  readonly number: number;
  readonly label: string;
  readonly blockId: string;
  readonly element: Json;
  /** For overflow menus: the chosen item. */
  readonly option?: Json;
  readonly where: Where;
}

export interface InputField {
  readonly label: string;
  readonly blockId: string;
  readonly actionId: string;
  readonly element: Json;
  readonly optional: boolean;
  readonly dispatchAction: boolean;
  readonly viewId: string;
}

export interface Rendered {
  readonly text: string;
  readonly targets: readonly ClickTarget[];
  readonly inputs: readonly InputField[];
}

export interface NameResolver {
  user(id: string): string;
  channel(id: string): string;
}

export interface ConversationToShow {
  readonly title: string;
  readonly messages: readonly StoredMessage[];
  readonly fileNames: (id: string) => string;
}

class Canvas {
  readonly lines: string[] = [];
  readonly targets: ClickTarget[] = [];
  readonly inputs: InputField[] = [];

  constructor(readonly names: NameResolver) {}

  line(text = '', indent = ''): void {
    for (const part of text.split('\n')) this.lines.push(`${indent}${part}`.trimEnd());
  }

  target(target: Omit<ClickTarget, 'number'>): number {
    const number = this.targets.length + 1;
    this.targets.push({ ...target, number });
    return number;
  }

  result(): Rendered {
    return { text: this.lines.join('\n'), targets: this.targets, inputs: this.inputs };
  }
}

/** mrkdwn as plain text: links, mentions and dates by their readable form; markup removed. */
export function plainMrkdwn(text: string, names: NameResolver): string {
  return text
    .replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, (_m, id: string) => `@${names.user(id)}`)
    .replace(
      /<#([CGD][A-Z0-9]+)(?:\|([^>]*))?>/g,
      (_m, id: string, name?: string) => `#${name || names.channel(id)}`,
    )
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, name?: string) => name ?? '@group')
    .replace(/<!date\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<!(here|channel|everyone)>/g, '@$1')
    .replace(/<(https?:\/\/[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<(mailto:)?([^|>]+)>/g, '$2')
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=[\s).,:;!?]|$)/gm, '$1$2')
    .replace(/(^|[\s(])_([^_\n]+)_(?=[\s).,:;!?]|$)/gm, '$1$2')
    .replace(/(^|[\s(])~([^~\n]+)~(?=[\s).,:;!?]|$)/gm, '$1$2')
    .replace(/```\n?([\s\S]*?)\n?```/g, '$1')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/^&gt; ?/gm, '| ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function textOf(value: unknown, names: NameResolver): string {
  if (!isJson(value) || typeof value.text !== 'string') return '';
  return value.type === 'mrkdwn' ? plainMrkdwn(value.text, names) : value.text;
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isJson) : [];
}

interface BlockContext {
  readonly where: Where;
  readonly values?: Record<string, Record<string, Json>>;
  readonly errors?: Record<string, string>;
}

function renderBlocks(canvas: Canvas, blocks: unknown, context: BlockContext, indent: string): void {
  for (const block of asArray(blocks)) renderBlock(canvas, block, context, indent);
}

function renderBlock(canvas: Canvas, block: Json, context: BlockContext, indent: string): void {
  const { names } = canvas;
  const blockId = typeof block.block_id === 'string' ? block.block_id : '';
  switch (block.type) {
    case 'header':
      canvas.line(`# ${textOf(block.text, names)}`, indent);
      break;
    case 'section': {
      if (block.text) canvas.line(textOf(block.text, names), indent);
      for (const field of asArray(block.fields)) canvas.line(`  ${textOf(field, names)}`, indent);
      if (isJson(block.accessory)) renderElement(canvas, block.accessory, blockId, context, `${indent}  `);
      break;
    }
    case 'divider':
      canvas.line('----------------------------------------', indent);
      break;
    case 'context': {
      const parts = asArray(block.elements).map((element) =>
        element.type === 'image' ? `[image: ${String(element.alt_text ?? '')}]` : textOf(element, names),
      );
      canvas.line(`(${parts.join('  ')})`, indent);
      break;
    }
    case 'actions': {
      const before = canvas.lines.length;
      const inline: string[] = [];
      for (const element of asArray(block.elements)) {
        if (element.type === 'button' || element.type === 'workflow_button') {
          inline.push(buttonLabel(canvas, element, blockId, context));
        } else {
          renderElement(canvas, element, blockId, context, indent);
        }
      }
      if (inline.length > 0) canvas.lines.splice(before, 0, `${indent}${inline.join('   ')}`);
      break;
    }
    case 'input':
      renderInput(canvas, block, context, indent);
      break;
    case 'image':
      canvas.line(`[image: ${String(block.alt_text ?? '')}]`, indent);
      break;
    case 'markdown':
      canvas.line(typeof block.text === 'string' ? block.text : '', indent);
      break;
    case 'rich_text':
      canvas.line(richText(block, names), indent);
      break;
    default:
      canvas.line(`[${String(block.type)}]`, indent);
  }
}

function buttonLabel(canvas: Canvas, element: Json, blockId: string, context: BlockContext): string {
  const label = textOf(element.text, canvas.names);
  const number = canvas.target({ label, blockId, element, where: context.where });
  const style = element.style === 'danger' ? ' (!)' : element.style === 'primary' ? ' *' : '';
  return `[${number}] ${label}${style}`;
}

function renderElement(
  canvas: Canvas,
  element: Json,
  blockId: string,
  context: BlockContext,
  indent: string,
): void {
  const { names } = canvas;
  switch (element.type) {
    case 'button':
    case 'workflow_button':
      canvas.line(buttonLabel(canvas, element, blockId, context), indent);
      break;
    case 'overflow':
      for (const option of asArray(element.options)) {
        const label = textOf(option.text, names);
        const number = canvas.target({ label, blockId, element, option, where: context.where });
        canvas.line(`[${number}] ${label} (menu)`, indent);
      }
      break;
    case 'image':
      canvas.line(`[image: ${String(element.alt_text ?? '')}]`, indent);
      break;
    default: {
      const state = context.values?.[blockId]?.[String(element.action_id)];
      canvas.line(`<${describeElement(element, names)}>${currentValue(state, names)}`, indent);
      for (const line of optionLines(element, state, names)) canvas.line(line, `${indent}    `);
    }
  }
}

function renderInput(canvas: Canvas, block: Json, context: BlockContext, indent: string): void {
  const { names } = canvas;
  const element = isJson(block.element) ? block.element : {};
  const blockId = typeof block.block_id === 'string' ? block.block_id : '';
  const actionId = typeof element.action_id === 'string' ? element.action_id : '';
  const label = textOf(block.label, names);
  const optional = block.optional === true;
  if (context.where.kind === 'view') {
    canvas.inputs.push({
      label,
      blockId,
      actionId,
      element,
      optional,
      dispatchAction: block.dispatch_action === true,
      viewId: context.where.viewId,
    });
  }
  const state = context.values?.[blockId]?.[actionId];
  canvas.line(`> ${label}${optional ? ' (optional)' : ''}  <${describeElement(element, names)}>`, indent);
  // Radio buttons and checkboxes show their choice by the marks beside each option.
  const marked = element.type === 'radio_buttons' || element.type === 'checkboxes';
  const value = marked ? '' : currentValue(state, names);
  if (value) canvas.line(`    value:${value}`, indent);
  else if (!marked && isJson(element.placeholder))
    canvas.line(`    (${textOf(element.placeholder, names)})`, indent);
  for (const line of optionLines(element, state, names)) canvas.line(line, `${indent}    `);
  if (block.hint) canvas.line(`    hint: ${textOf(block.hint, names)}`, indent);
  const error = context.errors?.[blockId];
  if (error) canvas.line(`    ! ${error}`, indent);
}

function describeElement(element: Json, names: NameResolver): string {
  const type = String(element.type);
  const kinds: Record<string, string> = {
    plain_text_input: element.multiline === true ? 'text, several lines' : 'text',
    number_input: 'number',
    email_text_input: 'email',
    url_text_input: 'link',
    static_select: 'choose one',
    external_select: 'choose one',
    multi_static_select: 'choose any',
    radio_buttons: 'choose one',
    checkboxes: 'tick any',
    datepicker: 'date YYYY-MM-DD',
    timepicker: 'time HH:mm',
    datetimepicker: 'date and time',
    users_select: 'a person',
    multi_users_select: 'people',
    conversations_select: 'a conversation',
    channels_select: 'a channel',
    file_input: 'files',
  };
  const kind = kinds[type] ?? type;
  const placeholder = isJson(element.placeholder) ? `: ${textOf(element.placeholder, names)}` : '';
  return type.endsWith('select') && placeholder ? `${kind}${placeholder}` : kind;
}

function currentValue(state: Json | undefined, names: NameResolver): string {
  if (!state) return '';
  const option = (value: unknown) => (isJson(value) ? textOf(value.text, names) : '');
  if (typeof state.value === 'string' && state.value !== '') return ` ${state.value}`;
  if (isJson(state.selected_option)) return ` ${option(state.selected_option)}`;
  if (Array.isArray(state.selected_options) && state.selected_options.length > 0) {
    return ` ${state.selected_options.map(option).join(', ')}`;
  }
  if (typeof state.selected_date === 'string') return ` ${state.selected_date}`;
  if (typeof state.selected_time === 'string') return ` ${state.selected_time}`;
  if (typeof state.selected_user === 'string') return ` @${names.user(state.selected_user)}`;
  if (Array.isArray(state.selected_users) && state.selected_users.length > 0) {
    return ` ${state.selected_users.map((id) => `@${names.user(String(id))}`).join(', ')}`;
  }
  return '';
}

/** Radio buttons and checkboxes show every option with its mark; selects list their options. */
function optionLines(element: Json, state: Json | undefined, names: NameResolver): string[] {
  const chosen = new Set<unknown>();
  if (state && isJson(state.selected_option)) chosen.add(state.selected_option.value);
  if (state && Array.isArray(state.selected_options)) {
    for (const option of state.selected_options) if (isJson(option)) chosen.add(option.value);
  }
  const options = [
    ...asArray(element.options),
    ...asArray(element.option_groups).flatMap((group) => asArray(group.options)),
  ];
  if (options.length === 0) return [];
  if (element.type === 'radio_buttons' || element.type === 'checkboxes') {
    const [on, off] = element.type === 'radio_buttons' ? ['(o)', '( )'] : ['[x]', '[ ]'];
    return options.map((option) => {
      const description = option.description ? ` - ${textOf(option.description, names)}` : '';
      return `${chosen.has(option.value) ? on : off} ${textOf(option.text, names)}${description}`;
    });
  }
  return [`options: ${options.map((option) => textOf(option.text, names)).join(' | ')}`];
}

function richText(block: Json, names: NameResolver): string {
  const walk = (node: unknown): string => {
    if (!isJson(node)) return '';
    if (node.type === 'text') return String(node.text ?? '');
    if (node.type === 'link') return String(node.text ?? node.url ?? '');
    if (node.type === 'user') return `@${names.user(String(node.user_id))}`;
    if (node.type === 'channel') return `#${names.channel(String(node.channel_id))}`;
    if (node.type === 'emoji') return `:${String(node.name)}:`;
    const children = asArray(node.elements).map(walk).join('');
    if (node.type === 'rich_text_list')
      return asArray(node.elements)
        .map((child) => `  - ${walk(child)}`)
        .join('\n');
    if (
      node.type === 'rich_text_section' ||
      node.type === 'rich_text_preformatted' ||
      node.type === 'rich_text_quote'
    ) {
      return `${children}\n`;
    }
    return children;
  };
  return asArray(block.elements).map(walk).join('').trimEnd();
}

/** A modal as a framed box: title, blocks, then the submit and close buttons. */
function renderModal(canvas: Canvas, view: StoredView, depth: number): void {
  const { names } = canvas;
  const title = textOf(view.definition.title, names);
  const stack = depth > 1 ? ` (${depth} deep)` : '';
  canvas.line(`+-- Modal: ${title}${stack} ${'-'.repeat(Math.max(4, 40 - title.length))}`);
  renderBlocks(
    canvas,
    view.definition.blocks,
    { where: { kind: 'view', viewId: view.id }, values: view.values, errors: view.errors },
    '| ',
  );
  const buttons: string[] = [];
  if (view.definition.submit) buttons.push(`[Submit: ${textOf(view.definition.submit, names)}]`);
  buttons.push(`[Close: ${view.definition.close ? textOf(view.definition.close, names) : 'Cancel'}]`);
  canvas.line(`+-- ${buttons.join('  ')}`);
}

function renderHome(canvas: Canvas, view: StoredView | undefined, appName: string): void {
  canvas.line(`=== ${appName}: Home ===`);
  if (!view) {
    canvas.line('(nothing here yet)');
    return;
  }
  renderBlocks(
    canvas,
    view.definition.blocks,
    { where: { kind: 'view', viewId: view.id }, values: view.values, errors: view.errors },
    '',
  );
}

function renderConversation(canvas: Canvas, conversation: ConversationToShow, viewer: string): void {
  canvas.line(`=== ${conversation.title} ===`);
  if (conversation.messages.length === 0) canvas.line('(no messages yet)');
  for (const message of conversation.messages) {
    const author = canvas.names.user(message.user);
    const only = message.visibleTo === viewer ? ' (only visible to you)' : '';
    const edited = message.edited ? ' (edited)' : '';
    canvas.line(`${author}${only}${edited}:`);
    const where: Where = { kind: 'message', channel: message.channel, ts: message.ts };
    if (message.blocks.length > 0) renderBlocks(canvas, message.blocks, { where }, '  ');
    else if (message.text) canvas.line(plainMrkdwn(message.text, canvas.names), '  ');
    for (const file of message.files) canvas.line(`[file] ${conversation.fileNames(file)}`, '  ');
  }
}

export interface ScreenToShow {
  readonly viewer: string;
  readonly appName: string;
  /** The modal stack, bottom first; only the top one is drawn, as in Slack. */
  readonly modals: readonly StoredView[];
  readonly surface: 'home' | 'messages';
  readonly home?: StoredView;
  readonly conversations: readonly ConversationToShow[];
  /** What Slack itself shows the person, e.g. its error when the app did not answer in time. */
  readonly notice?: string;
}

export function renderScreen(screen: ScreenToShow, names: NameResolver): Rendered {
  const canvas = new Canvas(names);
  if (screen.notice) canvas.line(`(!) Slack: ${screen.notice}`);
  const top = screen.modals.at(-1);
  if (top) renderModal(canvas, top, screen.modals.length);
  else if (screen.surface === 'home') renderHome(canvas, screen.home, screen.appName);
  else {
    screen.conversations.forEach((conversation, index) => {
      if (index > 0) canvas.line();
      renderConversation(canvas, conversation, screen.viewer);
    });
  }
  return canvas.result();
}

/** Every clickable thing in one view (for the click search), numbered from 1. */
export function renderView(view: StoredView, names: NameResolver): Rendered {
  const canvas = new Canvas(names);
  if (view.type === 'modal') renderModal(canvas, view, 1);
  else renderHome(canvas, view, 'Home');
  return canvas.result();
}

/** One message on its own (for the click search). */
export function renderMessage(message: StoredMessage, names: NameResolver): Rendered {
  const canvas = new Canvas(names);
  renderConversation(
    canvas,
    { title: 'message', messages: [message], fileNames: (id) => id },
    message.visibleTo ?? '',
  );
  return canvas.result();
}
