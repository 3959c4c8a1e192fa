/**
 * A local Slack for one app, over HTTP on loopback: the Web API the app calls, people who act by
 * what they see, signed payloads sent to the app's receiver, Block Kit checks and a text renderer.
 * It knows nothing of the app it runs against: the workspace (people, groups, channels) is given.
 *
 * The interactive terminal driver is a separate entry point (`/interactive`), so that loading the
 * emulator does not load the prompt library.
 */
export { Actor, ActorError, elementState, type FillValue } from './actor.js';
export { CAUSE_HEADER, INTERACTION_HEADER, traceCauses } from './attribution.js';
export {
  type MessageProblem,
  type Surface,
  validateBlocks,
  validateMessage,
  validateView,
} from './block-kit.js';
export {
  type Directory,
  dmChannelId,
  type EmulatedChannel,
  type EmulatedUser,
  findUser,
} from './directory.js';
export {
  DEMO_BOT_TOKEN,
  DEMO_SIGNING_SECRET,
  Emulator,
  type EmulatorOptions,
  readManifest,
  sleep,
  startEmulator,
} from './emulator.js';
export { type Fault, FaultPlan, type FaultRule } from './faults.js';
export { callMethod, supportedMethods } from './methods.js';
export {
  appHomeOpenedEvent,
  blockActionsPayload,
  commandBody,
  directMessageEvent,
  eventEnvelope,
  messageChangedEvent,
  shortcutPayload,
  viewClosedPayload,
  viewPayload,
  viewSubmissionPayload,
} from './payloads.js';
export {
  type ClickTarget,
  type ConversationToShow,
  type InputField,
  type NameResolver,
  plainMrkdwn,
  type Rendered,
  renderMessage,
  renderScreen,
  renderView,
} from './render.js';
export {
  describeStep,
  parseScript,
  runScript,
  runStep,
  ScriptError,
  type Step,
  StepError,
} from './script.js';
export { ACK_DEADLINE_MS, type Delivery, type DeliveryOptions, deliver, slackSignature } from './sender.js';
export {
  type AdjustableClock,
  type CallBeforeAck,
  type Clock,
  createClock,
  type Interaction,
  initialValues,
  isJson,
  type Json,
  type RecordedCall,
  SlackApiError,
  type StepMark,
  type StoredFile,
  type StoredMessage,
  type StoredView,
  Workspace,
} from './workspace.js';
