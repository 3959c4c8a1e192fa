/**
 * The intake answered as an ordinary employee would, one object a step, by the labels on screen:
 * the fault, durability and prompt-injection tests all walk the same request, so a label changed in
 * the intake is changed here once.
 */
export const stepOne = {
  'Days you have sessions': ['Monday', 'Wednesday', 'Thursday'],
  'Sessions start at': '17:30',
  'Sessions end at': '20:30',
  'Travel time each way': '45 minutes',
  'First day of sessions': '2027-01-04',
  'Or: number of weeks': '10',
  'How you attend': 'In person',
};

export const stepTwo = {
  'Days you usually work': ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
  'Your workday usually starts at': '09:00',
  'Your workday usually ends at': '17:30',
  'Anything about your role that affects timing': ['Recurring meetings I need to be in'],
};

export const stepThree = {
  'What would help': ['Leave early or start late on session days, and make up the hours'],
  'How your work would be covered':
    'I will start at 7:45 on session days and hand over anything urgent to Alex by 4:30.',
};

export const stepFour = {
  'How the reason is worded': "Don't name anything",
  'May the EAP team see how your request is going?': 'No, keep it between me and HR',
  'Where do you work?': 'United States',
};
