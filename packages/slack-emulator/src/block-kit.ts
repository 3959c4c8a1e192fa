/**
 * The Block Kit checks Slack makes before it accepts a message or a view, as a pure module.
 * Each problem is reported the way Slack reports it: a sentence and a JSON pointer to the field,
 * e.g. `must be less than 151 characters [json-pointer:/blocks/0/text/text]`, so a failing test
 * reads like the error the app would get from Slack. Limits: ../../shared/slack/block-kit-limits.md.
 */

export type Surface = 'message' | 'modal' | 'home';

type Json = Record<string, unknown>;

const MAX_BLOCKS: Record<Surface, number> = { message: 50, modal: 100, home: 100 };
const MAX_VIEW_BYTES = 250 * 1024;
const MAX_MESSAGE_TEXT = 40_000;

const BLOCK_TYPES = new Set([
  'section',
  'header',
  'divider',
  'context',
  'actions',
  'input',
  'image',
  'rich_text',
  'markdown',
  'file',
  'video',
]);

const INPUT_ELEMENTS = new Set([
  'plain_text_input',
  'number_input',
  'email_text_input',
  'url_text_input',
  'rich_text_input',
  'static_select',
  'multi_static_select',
  'external_select',
  'multi_external_select',
  'users_select',
  'multi_users_select',
  'conversations_select',
  'multi_conversations_select',
  'channels_select',
  'multi_channels_select',
  'checkboxes',
  'radio_buttons',
  'datepicker',
  'timepicker',
  'datetimepicker',
  'file_input',
]);

const SELECTS = [
  'static_select',
  'multi_static_select',
  'external_select',
  'multi_external_select',
  'users_select',
  'multi_users_select',
  'conversations_select',
  'multi_conversations_select',
  'channels_select',
  'multi_channels_select',
];

const ACTION_ELEMENTS = new Set([
  'button',
  'overflow',
  'workflow_button',
  'checkboxes',
  'radio_buttons',
  'datepicker',
  'timepicker',
  'datetimepicker',
  ...SELECTS,
]);

const SECTION_ACCESSORIES = new Set([...ACTION_ELEMENTS, 'image']);

/** Collects problems while walking a payload, keeping the JSON pointer of where it is. */
class Checker {
  readonly problems: string[] = [];

  fail(pointer: string, message: string): void {
    this.problems.push(`${message} [json-pointer:${pointer}]`);
  }

  maxChars(value: unknown, max: number, pointer: string): void {
    if (typeof value === 'string' && [...value].length > max) {
      this.fail(pointer, `must be less than ${max + 1} characters`);
    }
  }

  /** A text object: `{ type: 'plain_text' | 'mrkdwn', text }`, within `min..max` characters. */
  text(value: unknown, pointer: string, limits: { max: number; min?: number; plainOnly?: boolean }): void {
    if (!isObject(value)) {
      this.fail(pointer, 'must be a text object');
      return;
    }
    const allowed = limits.plainOnly ? ['plain_text'] : ['plain_text', 'mrkdwn'];
    if (!allowed.includes(String(value.type))) {
      this.fail(`${pointer}/type`, `must be one of ${allowed.join(', ')}`);
    }
    if (typeof value.text !== 'string') {
      this.fail(pointer, 'missing required field: text');
      return;
    }
    const length = [...value.text].length;
    if (length < (limits.min ?? 1)) this.fail(`${pointer}/text`, 'must be more than 0 characters');
    this.maxChars(value.text, limits.max, `${pointer}/text`);
  }

  optionalText(
    value: unknown,
    pointer: string,
    limits: { max: number; min?: number; plainOnly?: boolean },
  ): void {
    if (value !== undefined) this.text(value, pointer, limits);
  }

  id(value: unknown, pointer: string): void {
    if (value === undefined) return;
    if (typeof value !== 'string' || value.length === 0) {
      this.fail(pointer, 'must be a non-empty string');
      return;
    }
    this.maxChars(value, 255, pointer);
  }
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks a `blocks` array for the given surface. `base` is the pointer of the array itself. */
export function validateBlocks(blocks: unknown, surface: Surface, base = '/blocks'): string[] {
  const check = new Checker();
  checkBlocks(check, blocks, surface, base);
  return check.problems;
}

function checkBlocks(check: Checker, blocks: unknown, surface: Surface, base: string): void {
  if (!Array.isArray(blocks)) {
    check.fail(base, 'must be an array');
    return;
  }
  const max = MAX_BLOCKS[surface];
  if (blocks.length > max) check.fail(base, `no more than ${max} items allowed`);
  const blockIds = new Set<string>();
  blocks.forEach((block, index) => {
    const pointer = `${base}/${index}`;
    if (!isObject(block)) {
      check.fail(pointer, 'must be an object');
      return;
    }
    if (typeof block.block_id === 'string') {
      if (blockIds.has(block.block_id)) check.fail(`${pointer}/block_id`, 'block_id must be unique');
      blockIds.add(block.block_id);
    }
    checkBlock(check, block, pointer);
  });
}

function checkBlock(check: Checker, block: Json, pointer: string): void {
  const type = block.type;
  if (typeof type !== 'string') {
    check.fail(pointer, 'missing required field: type');
    return;
  }
  if (!BLOCK_TYPES.has(type)) {
    check.fail(`${pointer}/type`, `unsupported type: ${type}`);
    return;
  }
  check.id(block.block_id, `${pointer}/block_id`);
  switch (type) {
    case 'header':
      check.text(block.text, `${pointer}/text`, { max: 150, plainOnly: true });
      break;
    case 'section':
      checkSection(check, block, pointer);
      break;
    case 'context':
      checkContext(check, block, pointer);
      break;
    case 'actions':
      checkActions(check, block, pointer);
      break;
    case 'input':
      checkInput(check, block, pointer);
      break;
    case 'image':
      checkImage(check, block, pointer);
      break;
    case 'markdown':
      if (typeof block.text !== 'string') check.fail(pointer, 'missing required field: text');
      else check.maxChars(block.text, 12_000, `${pointer}/text`);
      break;
    default:
      break;
  }
}

function checkSection(check: Checker, block: Json, pointer: string): void {
  if (block.text === undefined && block.fields === undefined) {
    check.fail(pointer, 'must provide either text or fields');
  }
  check.optionalText(block.text, `${pointer}/text`, { max: 3000 });
  if (block.fields !== undefined) {
    if (!Array.isArray(block.fields)) {
      check.fail(`${pointer}/fields`, 'must be an array');
    } else {
      if (block.fields.length > 10) check.fail(`${pointer}/fields`, 'no more than 10 items allowed');
      block.fields.forEach((field, index) => {
        check.text(field, `${pointer}/fields/${index}`, { max: 2000 });
      });
    }
  }
  if (block.accessory !== undefined) {
    checkElement(check, block.accessory, `${pointer}/accessory`, SECTION_ACCESSORIES);
  }
}

function checkContext(check: Checker, block: Json, pointer: string): void {
  const elements = block.elements;
  if (!Array.isArray(elements) || elements.length === 0) {
    check.fail(`${pointer}/elements`, 'must contain at least 1 item');
    return;
  }
  if (elements.length > 10) check.fail(`${pointer}/elements`, 'no more than 10 items allowed');
  elements.forEach((element, index) => {
    const at = `${pointer}/elements/${index}`;
    if (isObject(element) && element.type === 'image') checkImage(check, element, at);
    else check.text(element, at, { max: 3000 });
  });
}

function checkActions(check: Checker, block: Json, pointer: string): void {
  const elements = block.elements;
  if (!Array.isArray(elements) || elements.length === 0) {
    check.fail(`${pointer}/elements`, 'must contain at least 1 item');
    return;
  }
  if (elements.length > 25) check.fail(`${pointer}/elements`, 'no more than 25 items allowed');
  const actionIds = new Set<string>();
  elements.forEach((element, index) => {
    const at = `${pointer}/elements/${index}`;
    checkElement(check, element, at, ACTION_ELEMENTS);
    if (isObject(element) && typeof element.action_id === 'string') {
      if (actionIds.has(element.action_id)) check.fail(`${at}/action_id`, 'action_id must be unique');
      actionIds.add(element.action_id);
    }
  });
}

function checkInput(check: Checker, block: Json, pointer: string): void {
  if (block.label === undefined) check.fail(pointer, 'missing required field: label');
  else check.text(block.label, `${pointer}/label`, { max: 2000, plainOnly: true });
  check.optionalText(block.hint, `${pointer}/hint`, { max: 2000, plainOnly: true });
  if (block.element === undefined) check.fail(pointer, 'missing required field: element');
  else checkElement(check, block.element, `${pointer}/element`, INPUT_ELEMENTS);
}

function checkImage(check: Checker, image: Json, pointer: string): void {
  if (typeof image.alt_text !== 'string') check.fail(pointer, 'missing required field: alt_text');
  else check.maxChars(image.alt_text, 2000, `${pointer}/alt_text`);
  if (typeof image.image_url !== 'string' && image.slack_file === undefined) {
    check.fail(pointer, 'missing required field: image_url');
  }
  check.maxChars(image.image_url, 3000, `${pointer}/image_url`);
  if (image.title !== undefined) check.text(image.title, `${pointer}/title`, { max: 2000, plainOnly: true });
}

function checkElement(check: Checker, element: unknown, pointer: string, allowed: Set<string>): void {
  if (!isObject(element)) {
    check.fail(pointer, 'must be an object');
    return;
  }
  const type = String(element.type);
  if (!allowed.has(type)) {
    check.fail(`${pointer}/type`, `unsupported type: ${type}`);
    return;
  }
  check.id(element.action_id, `${pointer}/action_id`);
  check.optionalText(element.placeholder, `${pointer}/placeholder`, { max: 150, plainOnly: true });
  if (element.confirm !== undefined) checkConfirm(check, element.confirm, `${pointer}/confirm`);
  switch (type) {
    case 'button':
      check.text(element.text, `${pointer}/text`, { max: 75, plainOnly: true });
      check.maxChars(element.value, 2000, `${pointer}/value`);
      check.maxChars(element.url, 3000, `${pointer}/url`);
      if (element.style !== undefined && element.style !== 'primary' && element.style !== 'danger') {
        check.fail(`${pointer}/style`, 'must be one of primary, danger');
      }
      break;
    case 'overflow':
      checkOptions(check, element, pointer, { min: 2, max: 5 });
      break;
    case 'checkboxes':
    case 'radio_buttons':
      checkOptions(check, element, pointer, { min: 1, max: 10, mrkdwn: true });
      break;
    case 'static_select':
    case 'multi_static_select':
      checkSelectOptions(check, element, pointer);
      break;
    case 'plain_text_input':
      if (typeof element.max_length === 'number' && element.max_length > 3000) {
        check.fail(`${pointer}/max_length`, 'must be less than or equal to 3000');
      }
      check.maxChars(element.initial_value, 3000, `${pointer}/initial_value`);
      break;
    case 'number_input':
      if (typeof element.is_decimal_allowed !== 'boolean') {
        check.fail(pointer, 'missing required field: is_decimal_allowed');
      }
      break;
    case 'datepicker':
      if (element.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(element.initial_date))) {
        check.fail(`${pointer}/initial_date`, 'must be a date in the format YYYY-MM-DD');
      }
      break;
    case 'timepicker':
      if (element.initial_time !== undefined && !/^\d{2}:\d{2}$/.test(String(element.initial_time))) {
        check.fail(`${pointer}/initial_time`, 'must be a time in the format HH:mm');
      }
      break;
    default:
      break;
  }
}

function checkSelectOptions(check: Checker, element: Json, pointer: string): void {
  if (element.option_groups !== undefined) {
    if (!Array.isArray(element.option_groups)) {
      check.fail(`${pointer}/option_groups`, 'must be an array');
      return;
    }
    if (element.option_groups.length > 100) {
      check.fail(`${pointer}/option_groups`, 'no more than 100 items allowed');
    }
    const all: unknown[] = [];
    element.option_groups.forEach((group, index) => {
      const at = `${pointer}/option_groups/${index}`;
      if (!isObject(group)) {
        check.fail(at, 'must be an object');
        return;
      }
      check.text(group.label, `${at}/label`, { max: 75, plainOnly: true });
      checkOptions(check, group, at, { min: 1, max: 100 });
      if (Array.isArray(group.options)) all.push(...group.options);
    });
    checkInitialOptions(check, element, pointer, all);
    return;
  }
  checkOptions(check, element, pointer, { min: 1, max: 100 });
}

function checkOptions(
  check: Checker,
  holder: Json,
  pointer: string,
  limits: { min: number; max: number; mrkdwn?: boolean },
): void {
  const options = holder.options;
  if (!Array.isArray(options)) {
    check.fail(pointer, 'missing required field: options');
    return;
  }
  if (options.length < limits.min)
    check.fail(`${pointer}/options`, `must contain at least ${limits.min} items`);
  if (options.length > limits.max)
    check.fail(`${pointer}/options`, `no more than ${limits.max} items allowed`);
  options.forEach((option, index) => {
    const at = `${pointer}/options/${index}`;
    if (!isObject(option)) {
      check.fail(at, 'must be an object');
      return;
    }
    check.text(option.text, `${at}/text`, { max: 75, plainOnly: !limits.mrkdwn });
    if (typeof option.value !== 'string') check.fail(at, 'missing required field: value');
    else check.maxChars(option.value, 150, `${at}/value`);
    check.optionalText(option.description, `${at}/description`, { max: 75, plainOnly: !limits.mrkdwn });
  });
  checkInitialOptions(check, holder, pointer, options);
}

/** Slack refuses an initial option that is not one of the options offered. */
function checkInitialOptions(check: Checker, holder: Json, pointer: string, options: unknown[]): void {
  const values = new Set(options.filter(isObject).map((option) => option.value));
  const initial: Array<[unknown, string]> = [];
  if (holder.initial_option !== undefined) initial.push([holder.initial_option, `${pointer}/initial_option`]);
  if (Array.isArray(holder.initial_options)) {
    holder.initial_options.forEach((option, index) => {
      initial.push([option, `${pointer}/initial_options/${index}`]);
    });
  }
  for (const [option, at] of initial) {
    if (!isObject(option) || !values.has(option.value)) check.fail(at, 'must match one of the options');
  }
}

function checkConfirm(check: Checker, confirm: unknown, pointer: string): void {
  if (!isObject(confirm)) {
    check.fail(pointer, 'must be an object');
    return;
  }
  check.text(confirm.title, `${pointer}/title`, { max: 100, plainOnly: true });
  check.text(confirm.text, `${pointer}/text`, { max: 300 });
  check.text(confirm.confirm, `${pointer}/confirm`, { max: 30, plainOnly: true });
  check.text(confirm.deny, `${pointer}/deny`, { max: 30, plainOnly: true });
}

/**
 * Checks a view as `views.open`, `views.push`, `views.update` and `views.publish` receive it.
 * Pointers start at `/view`, as in Slack's responses.
 */
export function validateView(view: unknown, expected?: 'modal' | 'home'): string[] {
  const check = new Checker();
  if (!isObject(view)) {
    check.fail('/view', 'missing required field: view');
    return check.problems;
  }
  const type = view.type;
  if (type !== 'modal' && type !== 'home') {
    check.fail(
      '/view/type',
      type === undefined ? 'missing required field: type' : 'must be one of modal, home',
    );
    return check.problems;
  }
  if (expected && type !== expected) check.fail('/view/type', `must be ${expected}`);
  if (type === 'modal') {
    if (view.title === undefined) check.fail('/view', 'missing required field: title');
    else check.text(view.title, '/view/title', { max: 24, plainOnly: true });
    check.optionalText(view.submit, '/view/submit', { max: 24, plainOnly: true });
    check.optionalText(view.close, '/view/close', { max: 24, plainOnly: true });
    const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isObject(b) && b.type === 'input');
    if (hasInput && view.submit === undefined) {
      check.fail('/view', 'missing required field: submit (required when the view has input blocks)');
    }
  }
  if (view.blocks === undefined) check.fail('/view', 'missing required field: blocks');
  else checkBlocks(check, view.blocks, type, '/view/blocks');
  check.maxChars(view.private_metadata, 3000, '/view/private_metadata');
  check.id(view.callback_id, '/view/callback_id');
  check.id(view.external_id, '/view/external_id');
  if (Buffer.byteLength(JSON.stringify(view)) > MAX_VIEW_BYTES) {
    check.fail('/view', 'must be less than 250 KB');
  }
  return check.problems;
}

export interface MessageProblem {
  /** Slack's error code: `no_text`, `invalid_blocks` or `msg_too_long`. */
  readonly error: 'no_text' | 'invalid_blocks' | 'msg_too_long';
  readonly problems: readonly string[];
}

/**
 * Checks the content of `chat.postMessage`, `chat.update`, `chat.postEphemeral` and response_url
 * posts. `blocks` may arrive as a JSON string (form-encoded calls); callers parse it first.
 */
export function validateMessage(args: {
  text?: unknown;
  blocks?: unknown;
  attachments?: unknown;
}): MessageProblem | undefined {
  const hasText = typeof args.text === 'string' && args.text.trim().length > 0;
  const hasBlocks = Array.isArray(args.blocks) && args.blocks.length > 0;
  const hasAttachments = Array.isArray(args.attachments) && args.attachments.length > 0;
  if (!hasText && !hasBlocks && !hasAttachments) {
    return { error: 'no_text', problems: ['missing required field: text or blocks [json-pointer:/text]'] };
  }
  if (typeof args.text === 'string' && args.text.length > MAX_MESSAGE_TEXT) {
    return {
      error: 'msg_too_long',
      problems: [`must be less than ${MAX_MESSAGE_TEXT + 1} characters [json-pointer:/text]`],
    };
  }
  if (args.blocks !== undefined) {
    const problems = validateBlocks(args.blocks, 'message');
    if (problems.length > 0) return { error: 'invalid_blocks', problems };
  }
  return undefined;
}
