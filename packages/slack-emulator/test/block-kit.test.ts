import { describe, expect, it } from 'vitest';
import { validateBlocks, validateMessage, validateView } from '../src/block-kit.js';

const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const section = (text: string) => ({ type: 'section', text: mrkdwn(text) });
const button = (text: string, actionId = 'go') => ({
  type: 'button',
  text: plain(text),
  action_id: actionId,
});
const modal = (blocks: unknown[], extra: Record<string, unknown> = {}) => ({
  type: 'modal',
  title: plain('Privacy'),
  blocks,
  ...extra,
});

describe('validateBlocks', () => {
  it('accepts a header of 150 characters and refuses 151, pointing at the text', () => {
    expect(validateBlocks([{ type: 'header', text: plain('h'.repeat(150)) }], 'message')).toEqual([]);
    expect(validateBlocks([{ type: 'header', text: plain('h'.repeat(151)) }], 'message')).toEqual([
      'must be less than 151 characters [json-pointer:/blocks/0/text/text]',
    ]);
  });

  it('refuses a header in mrkdwn', () => {
    expect(validateBlocks([{ type: 'header', text: mrkdwn('Hi') }], 'message')).toEqual([
      'must be one of plain_text [json-pointer:/blocks/0/text/type]',
    ]);
  });

  it('allows 50 blocks in a message and 100 in a modal, and no more', () => {
    const blocks = (n: number) => Array.from({ length: n }, () => ({ type: 'divider' }));
    expect(validateBlocks(blocks(50), 'message')).toEqual([]);
    expect(validateBlocks(blocks(51), 'message')).toEqual([
      'no more than 50 items allowed [json-pointer:/blocks]',
    ]);
    expect(validateBlocks(blocks(100), 'modal')).toEqual([]);
    expect(validateBlocks(blocks(101), 'home')).toEqual([
      'no more than 100 items allowed [json-pointer:/blocks]',
    ]);
  });

  it('keeps section text within 1..3000 and fields within 10 x 2000', () => {
    expect(validateBlocks([section('s'.repeat(3001))], 'message')).toEqual([
      'must be less than 3001 characters [json-pointer:/blocks/0/text/text]',
    ]);
    expect(validateBlocks([section('')], 'message')).toEqual([
      'must be more than 0 characters [json-pointer:/blocks/0/text/text]',
    ]);
    const fields = Array.from({ length: 11 }, () => mrkdwn('f'));
    fields[3] = mrkdwn('f'.repeat(2001));
    expect(validateBlocks([{ type: 'section', fields }], 'message')).toEqual([
      'no more than 10 items allowed [json-pointer:/blocks/0/fields]',
      'must be less than 2001 characters [json-pointer:/blocks/0/fields/3/text]',
    ]);
    expect(validateBlocks([{ type: 'section' }], 'message')).toEqual([
      'must provide either text or fields [json-pointer:/blocks/0]',
    ]);
  });

  it('checks buttons: text 75, value 2000, action_id 255, at most 25 per actions block', () => {
    expect(validateBlocks([{ type: 'actions', elements: [button('b'.repeat(76))] }], 'message')).toEqual([
      'must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]',
    ]);
    expect(
      validateBlocks(
        [{ type: 'actions', elements: [{ ...button('ok'), value: 'v'.repeat(2001) }] }],
        'message',
      ),
    ).toEqual(['must be less than 2001 characters [json-pointer:/blocks/0/elements/0/value]']);
    expect(
      validateBlocks([{ type: 'actions', elements: [button('ok', 'a'.repeat(256))] }], 'message'),
    ).toEqual(['must be less than 256 characters [json-pointer:/blocks/0/elements/0/action_id]']);
    const many = Array.from({ length: 26 }, (_, i) => button(`b${i}`, `a${i}`));
    expect(validateBlocks([{ type: 'actions', elements: many }], 'message')).toEqual([
      'no more than 25 items allowed [json-pointer:/blocks/0/elements]',
    ]);
  });

  it('refuses duplicate block_ids and duplicate action_ids in one actions block', () => {
    expect(
      validateBlocks(
        [
          { ...section('a'), block_id: 'x' },
          { ...section('b'), block_id: 'x' },
        ],
        'message',
      ),
    ).toEqual(['block_id must be unique [json-pointer:/blocks/1/block_id]']);
    expect(validateBlocks([{ type: 'actions', elements: [button('a'), button('b')] }], 'message')).toEqual([
      'action_id must be unique [json-pointer:/blocks/0/elements/1/action_id]',
    ]);
  });

  it('checks options: 100 in a select, 10 in checkboxes, 75 characters each, initial options among them', () => {
    const option = (i: number) => ({ text: plain(`o${i}`), value: `v${i}` });
    const select = (n: number) => ({
      type: 'input',
      label: plain('Pick'),
      element: {
        type: 'static_select',
        action_id: 's',
        options: Array.from({ length: n }, (_, i) => option(i)),
      },
    });
    expect(validateBlocks([select(100)], 'modal')).toEqual([]);
    expect(validateBlocks([select(101)], 'modal')).toEqual([
      'no more than 100 items allowed [json-pointer:/blocks/0/element/options]',
    ]);
    const checkboxes = {
      type: 'input',
      label: plain('Days'),
      element: {
        type: 'checkboxes',
        action_id: 'c',
        options: [...Array.from({ length: 11 }, (_, i) => option(i))],
        initial_options: [option(99)],
      },
    };
    expect(validateBlocks([checkboxes], 'modal')).toEqual([
      'no more than 10 items allowed [json-pointer:/blocks/0/element/options]',
      'must match one of the options [json-pointer:/blocks/0/element/initial_options/0]',
    ]);
    const long = {
      type: 'input',
      label: plain('x'),
      element: {
        type: 'radio_buttons',
        action_id: 'r',
        options: [{ text: plain('t'.repeat(76)), value: 'v' }],
      },
    };
    expect(validateBlocks([long], 'modal')).toEqual([
      'must be less than 76 characters [json-pointer:/blocks/0/element/options/0/text/text]',
    ]);
  });

  it('requires an input label and element, and keeps labels at 2000 and placeholders at 150', () => {
    expect(validateBlocks([{ type: 'input', block_id: 'b' }], 'modal')).toEqual([
      'missing required field: label [json-pointer:/blocks/0]',
      'missing required field: element [json-pointer:/blocks/0]',
    ]);
    const input = {
      type: 'input',
      label: plain('l'.repeat(2001)),
      element: { type: 'plain_text_input', action_id: 't', placeholder: plain('p'.repeat(151)) },
    };
    expect(validateBlocks([input], 'modal')).toEqual([
      'must be less than 2001 characters [json-pointer:/blocks/0/label/text]',
      'must be less than 151 characters [json-pointer:/blocks/0/element/placeholder/text]',
    ]);
  });

  it('refuses unknown block types and context blocks of more than 10 elements', () => {
    expect(validateBlocks([{ type: 'carousel' }], 'message')).toEqual([
      'unsupported type: carousel [json-pointer:/blocks/0/type]',
    ]);
    const elements = Array.from({ length: 11 }, () => mrkdwn('c'));
    expect(validateBlocks([{ type: 'context', elements }], 'message')).toEqual([
      'no more than 10 items allowed [json-pointer:/blocks/0/elements]',
    ]);
  });
});

describe('validateView', () => {
  it('accepts a small modal', () => {
    expect(validateView(modal([section('Hello')]))).toEqual([]);
  });

  it('requires type, title and blocks', () => {
    expect(validateView({ title: plain('x'), blocks: [] })).toEqual([
      'missing required field: type [json-pointer:/view/type]',
    ]);
    expect(validateView({ type: 'modal' })).toEqual([
      'missing required field: title [json-pointer:/view]',
      'missing required field: blocks [json-pointer:/view]',
    ]);
  });

  it('keeps title, submit and close at 24 characters and private_metadata at 3000', () => {
    const view = modal([section('x')], {
      title: plain('t'.repeat(25)),
      submit: plain('s'.repeat(25)),
      close: plain('c'.repeat(25)),
      private_metadata: 'm'.repeat(3001),
    });
    expect(validateView(view)).toEqual([
      'must be less than 25 characters [json-pointer:/view/title/text]',
      'must be less than 25 characters [json-pointer:/view/submit/text]',
      'must be less than 25 characters [json-pointer:/view/close/text]',
      'must be less than 3001 characters [json-pointer:/view/private_metadata]',
    ]);
  });

  it('requires a submit button when the modal has inputs', () => {
    const input = {
      type: 'input',
      label: plain('Name'),
      element: { type: 'plain_text_input', action_id: 'n' },
    };
    expect(validateView(modal([input]))).toEqual([
      'missing required field: submit (required when the view has input blocks) [json-pointer:/view]',
    ]);
    expect(validateView(modal([input], { submit: plain('Next') }))).toEqual([]);
  });

  it('refuses a modal of 101 blocks with pointers under /view', () => {
    const blocks = Array.from({ length: 101 }, () => ({ type: 'divider' }));
    expect(validateView(modal(blocks))).toEqual([
      'no more than 100 items allowed [json-pointer:/view/blocks]',
    ]);
  });

  it('refuses a home view where a modal is expected', () => {
    expect(validateView({ type: 'home', blocks: [] }, 'modal')).toEqual([
      'must be modal [json-pointer:/view/type]',
    ]);
  });
});

describe('validateMessage', () => {
  it('needs text or blocks', () => {
    expect(validateMessage({})?.error).toBe('no_text');
    expect(validateMessage({ text: 'hi' })).toBeUndefined();
    expect(validateMessage({ blocks: [section('hi')] })).toBeUndefined();
  });

  it('names invalid blocks with Slack code and pointers', () => {
    const problem = validateMessage({
      text: 'x',
      blocks: [{ type: 'header', text: plain('h'.repeat(151)) }],
    });
    expect(problem).toEqual({
      error: 'invalid_blocks',
      problems: ['must be less than 151 characters [json-pointer:/blocks/0/text/text]'],
    });
  });
});
