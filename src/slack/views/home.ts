import { actions, context, header, section, type View } from './blocks.js';

export const homeIds = {
  readNotice: 'home_read_notice',
} as const;

export interface HomeOptions {
  readonly companyName: string;
}

/** The App Home: where an employee starts, comes back to, and finds the privacy notice. */
export function homeView({ companyName }: HomeOptions): View {
  return {
    type: 'home',
    blocks: [
      header('Accommodation Assistant'),
      section(
        `Hi there. I can help you ask ${companyName} for working hours that fit around a treatment program, ` +
          'privately and at your own pace. You never need to share a diagnosis.',
      ),
      actions('home_actions', [{ text: 'Read the privacy notice', actionId: homeIds.readNotice }]),
      context('Type `/accommodation` anywhere, or send me a message here, to get started.'),
    ],
  };
}
