import {
  bulletList,
  documentOf,
  heading,
  options,
  paragraph,
  resolution,
  step,
} from '../../shared/answers/document';
import type { DemoAnswer } from './answers';
import type { DemoCustomer } from './customers';
import type { DemoQuestion } from './questions';

// The demo library for an English-speaking vendor (issue 18: an English system got a Japanese
// demo): the same product, catalogue, requests and answers, written for English customers.
// Capabilities are referenced by their key (the Japanese title, as in questions.ts); the catalogue
// itself has both languages.

export const demoProductEn = {
  name: 'Sirius Site Builder',
  description: 'A website builder for small shops and offices.',
};

export const demoCustomersEn: DemoCustomer[] = [
  {
    key: 'tanaka',
    name: 'Emma Clarke',
    email: 'emma@clarke-physio.example.co.uk',
    company: 'Clarke Physiotherapy',
    phone: '020 0000 1234',
    website: 'https://clarke-physio.example.co.uk',
    language: 'en',
    notes: 'Runs the practice website herself. Not very confident with computers.',
    profile: {
      urgency: 'normal',
      relationship: 'A customer for a year. Likes a friendly, careful tone.',
      feelingsProduct: 'Likes it, but a little unsure when changing things.',
      feelingsSupport: 'Thanked us for our last answer.',
      hopedOutcome: 'Photos that look right on phones too.',
      wouldAnger: 'Explanations full of jargon.',
      moneyAtStake: 'None',
      causeAndResponsibility: 'Probably the picture format (HEIC).',
      technicalLevel: 'beginner',
    },
  },
  {
    key: 'sato',
    name: 'Daniel Okafor',
    email: 'daniel@okafor-home.example.com',
    company: 'Okafor Home Goods',
    phone: '0161 000 5678',
    website: 'https://okafor-home.example.com',
    language: 'en',
    notes: 'Sells homeware online. Sensitive to anything that affects sales.',
    profile: {
      urgency: 'high',
      relationship: 'Paid plan, third year.',
      feelingsProduct: 'Happy with the features, worried about payments.',
      feelingsSupport: 'Gets frustrated when replies seem slow; a date for the next update calms him.',
      hopedOutcome: 'Payments working again today.',
      wouldAnger: 'Being told it is his own setting mistake.',
      moneyAtStake: 'Several hundred pounds of sales a day while payments are down.',
      causeAndResponsibility:
        'Possibly the payment provider’s new API key not picked up (not our fault, but our guidance was thin).',
      technicalLevel: 'intermediate',
    },
  },
  {
    key: 'suzuki',
    name: 'Priya Shah',
    email: 'priya.shah@greenleaf-coffee.example.com',
    company: 'Green Leaf Coffee Ltd',
    phone: '0113 000 9012',
    website: 'https://greenleaf-coffee.example.com',
    language: 'en',
    notes: 'Handles communications; several colleagues update the site.',
    profile: {
      urgency: 'normal',
      relationship: 'Company account; Priya is the contact.',
      feelingsProduct: 'Well liked by the team.',
      feelingsSupport: 'Prefers written answers she can share with colleagues.',
      hopedOutcome: 'Instructions the team can follow on their own.',
      wouldAnger: 'Being asked to do it over the phone or by remote control.',
      moneyAtStake: 'None',
      causeAndResponsibility: 'Unknown',
      technicalLevel: 'intermediate',
    },
  },
  {
    key: 'yamamoto',
    name: 'Lucy Turner',
    email: 'lucy@turner-design.example.com',
    company: 'Turner Design Studio',
    phone: '',
    website: 'https://turner-design.example.com',
    language: 'en',
    notes: 'Web designer who builds her clients’ sites with Sirius.',
    profile: {
      urgency: 'low',
      relationship: 'Design partner; asks for many new features.',
      feelingsProduct: 'Finds the themes a little limiting.',
      feelingsSupport: 'Welcomes technical depth.',
      hopedOutcome: 'Fine control over themes.',
      wouldAnger: 'Explanations that are too basic.',
      moneyAtStake: 'Client deadlines.',
      causeAndResponsibility: 'A limit of the product.',
      technicalLevel: 'expert',
    },
  },
  {
    key: 'miller',
    name: 'John Miller',
    email: 'john.miller@example.org',
    company: 'Miller Language School',
    phone: '',
    website: 'https://miller-school.example.org',
    language: 'en',
    notes: 'Runs a language school.',
    profile: {
      urgency: 'low',
      relationship: 'New customer since this spring.',
      feelingsProduct: 'Positive.',
      feelingsSupport: 'Appreciates clear written steps.',
      hopedOutcome: 'Measure visits to the course pages.',
      wouldAnger: 'Being asked to book a call.',
      moneyAtStake: 'None',
      causeAndResponsibility: 'Not a fault: a how-to question.',
      technicalLevel: 'beginner',
    },
  },
];

type Overrides = Pick<DemoQuestion, 'key' | 'subject' | 'body'> & {
  notes: string[];
  messages: string[];
  replies?: string[];
};

/** The English words of each demo request; dates, statuses and links stay those of questions.ts. */
export const demoQuestionTextsEn: Overrides[] = [
  {
    key: 'q-images-mobile',
    subject: 'Pictures do not show on phones',
    body: 'Hello,\nYesterday I added photos of the practice to the home page. They show on my computer, but on a phone there is just a blank space where the pictures should be.\nI uploaded the photos straight from my iPhone. How can I make them show?\nEmma',
    notes: [],
    messages: [],
  },
  {
    key: 'q-payment-error',
    subject: 'Error when customers press the checkout button',
    body: 'When I press “Go to payment” in the shop, it says “Payment could not be started”.\nIt worked fine until yesterday. I have just created a new API key in the payment provider’s dashboard.\nThis is affecting sales, so please look at it urgently.',
    notes: ['Right after a new API key. Saving the connection settings again will probably fix it.'],
    messages: [
      'Dear Daniel Okafor,\n\nI am sorry for the trouble: with payments stopped, you must be worried about your sales.\nWe are checking the connection to the payment service now, and you will hear from us again today.\n\nKind regards,\nSirius Support',
    ],
    replies: ['It still does not work. Is there anything I can try in the meantime?'],
  },
  {
    key: 'q-form-mail',
    subject: 'Contact form notifications do not arrive',
    body: 'When someone sends our contact form, the notification never reaches our office address.\nWe have checked the spam folder. The “message sent” page does appear.',
    notes: [
      'Checked the recipient settings.',
      'The office mail server may be refusing the sender domain. Reproducing it on our test setup.',
    ],
    messages: [
      'Dear Priya Shah,\n\nThank you for your message. We are checking the notification settings and will update you within three days.\n\nKind regards,\nSirius Support',
      'Dear Priya Shah,\n\nWe are reproducing the same conditions on our own setup. As soon as the steps are clear, we will send them to you as written instructions.\n\nKind regards,\nSirius Support',
    ],
  },
  {
    key: 'q-blog-schedule',
    subject: 'Publishing a blog post at a set time',
    body: 'We would like our new product announcement to go live at 9am next Monday. Can a post be scheduled?',
    notes: ['', 'Sent the answer “Schedule a blog post”.'],
    messages: [
      'Dear Priya Shah,\n\nThank you for your question. We will send you the steps by tomorrow.\n\nKind regards,\nSirius Support',
      'Dear Priya Shah,\n\nWe have sent you the steps to schedule a post. Do let us know if anything does not work as described.\n\nKind regards,\nSirius Support',
    ],
  },
  {
    key: 'q-domain',
    subject: 'Using our own domain name',
    body: 'We have registered a domain (clarke-physio.example.co.uk) and would like the site to show under it. What do we need to do?',
    notes: ['', '', 'The customer confirmed the site shows.'],
    messages: [
      'Dear Emma Clarke,\n\nThank you for getting in touch. We will put the steps together and send them by the day after tomorrow.\n\nKind regards,\nSirius Support',
      'Dear Emma Clarke,\n\nWe have sent you the steps to connect your domain.\n\nKind regards,\nSirius Support',
      'Dear Emma Clarke,\n\nThank you for confirming that the site shows. That completes your request.\n\nKind regards,\nSirius Support',
    ],
  },
  {
    key: 'q-wordpress',
    subject: 'Could you move our WordPress site for us?',
    body: 'We would like to move a client’s WordPress site (about 120 pages) to Sirius. Could you do the move for us? Working on it together over a screen share would be ideal.',
    notes: [
      'Moving sites for customers and screen sharing are outside support. Pointed to the import feature only.',
    ],
    messages: [
      'Dear Lucy Turner,\n\nThank you for asking. A move of that size takes a lot of preparation.\nI am afraid we do not carry out moves for customers or support by screen share. For adding pages in Sirius itself, we can send written steps.\n\nKind regards,\nSirius Support',
    ],
  },
  {
    key: 'q-theme-color',
    subject: 'Matching the theme colours to a brand',
    body: 'I would like the headings and buttons of the “Aurora” theme in my client’s brand colour (#2E7D5B).',
    notes: ['', ''],
    messages: [
      'Dear Lucy Turner,\n\nWe have sent you the steps to change the theme colours.\n\nKind regards,\nSirius Support',
      'Dear Lucy Turner,\n\nThank you for letting us know it worked.\n\nKind regards,\nSirius Support',
    ],
  },
  {
    key: 'q-bulk-delete',
    subject: 'Deleting old product pictures in one go',
    body: 'There are about 500 old product pictures in the media library. Deleting them one by one would take ages: how can I delete them all at once?',
    notes: ['', 'Asked whether any of them are still used on product pages.'],
    messages: [
      'Dear Daniel Okafor,\n\nWe will look into it and get back to you within two days.\n\nKind regards,\nSirius Support',
      'Dear Daniel Okafor,\n\nBefore deleting, could you check whether any of these pictures are still used on product pages? Once we hear from you, we will send the steps.\n\nKind regards,\nSirius Support',
    ],
  },
  {
    key: 'q-shipping',
    subject: 'Different shipping costs for the islands',
    body: 'I would like to charge a different shipping cost for deliveries to the Scottish islands only.',
    notes: ['Checking whether regional shipping rules cover it.'],
    messages: [
      'Dear Daniel Okafor,\n\nThank you for your question. We are checking how to set it up and will get back to you within three days.\n\nKind regards,\nSirius Support',
    ],
  },
  {
    key: 'q-analytics',
    subject: 'How do I add Google Analytics to my site?',
    body: 'Hello, I would like to see how many people visit our course pages. How can I add Google Analytics?\nThanks, John',
    notes: [''],
    messages: [
      'Dear John Miller,\n\nThank you for your question. We have sent you step-by-step instructions; please let us know how it goes.\n\nKind regards,\nSirius Support',
    ],
  },
  {
    key: 'q-slow-site',
    subject: 'The site feels slow',
    body: 'The site seems to load slowly lately. Is something set up wrongly?',
    notes: ['Not clear which page or device is slow.'],
    messages: [
      'Dear Emma Clarke,\n\nThank you for letting us know. A slow site can put off new patients, so we understand your concern.\nCould you tell us which pages feel slow, and on which device (computer or phone)?\n\nKind regards,\nSirius Support',
    ],
  },
  {
    key: 'q-restore',
    subject: 'Going back to how the site was last week',
    body: 'A colleague deleted some blocks from the home page by mistake. Can we go back to how it was last Friday?',
    notes: [],
    messages: [],
  },
];

const v = (version: string) => ({ version, at: '' });

/** The demo answers in English, serving the same requests. */
export const demoAnswersEn: DemoAnswer[] = [
  {
    title: 'When pictures do not show on phones',
    slug: 'images-not-shown-on-smartphones',
    language: 'en',
    kind: 'answer',
    isPublic: true,
    questions: ['q-images-mobile'],
    verifiedVersion: '4.2.1',
    verifiedDaysAgo: 1,
    doc: documentOf([
      paragraph(
        'It is a shame when new photos do not reach your patients. The usual cause is the iPhone’s picture format (HEIC). Saving the photos as JPEG and uploading them again makes them show.',
      ),
      heading('h2', 'Steps'),
      step(
        'On the iPhone, open Settings → Camera → Formats and choose “Most Compatible”.',
        'Photos you take from now on are saved as JPEG.',
        { stepId: 'img-1', verified: v('4.2.1') },
      ),
      step(
        'In Sirius, open Images and media, select a picture that does not show and press Replace.',
        'A window opens to choose a file.',
        { stepId: 'img-2', verified: v('4.2.1') },
      ),
      step(
        'Choose the JPEG photo and press Upload.',
        'The new photo replaces the old one and its format reads JPEG.',
        {
          stepId: 'img-3',
          verified: v('4.2.1'),
        },
      ),
      step('Open the page on your phone and pull down to reload it.', 'The photo shows.', {
        stepId: 'img-4',
        verified: v('4.2.1'),
      }),
      resolution(
        {
          cause: 'Some browsers cannot show pictures in the HEIC format iPhones use.',
          done: 'We sent the steps to save the pictures as JPEG and upload them again.',
          remains: 'Other HEIC pictures already on the site need replacing the same way (on your side).',
          resolved: 'Yes, once the pictures are replaced as described.',
          prevention: 'With the camera set to “Most Compatible”, it will not happen again.',
        },
        true,
      ),
    ]),
  },
  {
    title: 'Connecting your own domain',
    slug: 'connect-a-custom-domain',
    language: 'en',
    kind: 'answer',
    isPublic: true,
    questions: ['q-domain'],
    verifiedVersion: '4.1.0',
    verifiedDaysAgo: 39,
    doc: documentOf([
      paragraph(
        'These steps put your site on the domain you registered. A change to the domain’s DNS (the setting that connects your domain name to a server) can take up to 24 hours to reach everyone.',
      ),
      // Written for one customer, then made public: the FAQ's privacy check must catch this.
      paragraph('We checked these steps on Emma Clarke’s site (clarke-physio.example.co.uk).'),
      step(
        'In Sirius, open Publishing and domains → Your own domain, enter the domain name and press Add.',
        'It reads “Waiting for DNS” and shows the value of the CNAME (a setting that points your domain at another address) record to add.',
        { stepId: 'dom-1', verified: v('4.1.0') },
      ),
      step(
        'In the dashboard of the company where you registered the domain, add a CNAME record with that value.',
        'The CNAME record appears in the list of records.',
        { stepId: 'dom-2', verified: v('4.1.0') },
      ),
      step(
        'Back in Sirius, press Check connection.',
        'It reads “Connected”, and an SSL certificate is issued for you.',
        {
          stepId: 'dom-3',
          verified: v('4.1.0'),
        },
      ),
      resolution(
        {
          cause: 'To use your own domain, the domain’s DNS settings must point to Sirius.',
          done: 'We sent the steps to connect the domain and check it.',
          remains: 'Nothing.',
          resolved: 'Yes: you confirmed the site shows.',
          prevention: 'Put the domain’s renewal date in your calendar.',
        },
        true,
      ),
    ]),
  },
  {
    title: 'Scheduling a blog post',
    slug: 'schedule-a-blog-post',
    language: 'en',
    kind: 'answer',
    isPublic: true,
    questions: ['q-blog-schedule'],
    verifiedVersion: '4.2.0',
    verifiedDaysAgo: 8,
    doc: documentOf([
      paragraph('A post can go live by itself at the date and time you choose.'),
      step(
        'In the post editor, open Publishing options at the top right.',
        'The ways to publish are listed.',
        {
          stepId: 'blog-1',
          verified: v('4.2.0'),
        },
      ),
      step(
        'Choose “Publish at a set time” and enter the date and time.',
        'Below the fields it reads “Scheduled: Monday 9:00”.',
        {
          stepId: 'blog-2',
          verified: v('4.2.0'),
        },
      ),
      step('Press Schedule.', 'The post shows as “Scheduled” in the list of posts.', {
        stepId: 'blog-3',
        verified: v('4.2.0'),
      }),
      options([
        {
          title: 'Schedule the post',
          pros: 'Nothing to do on the day.',
          cons: 'Easy to forget a last-minute change.',
        },
        {
          title: 'Keep it as a draft and publish it by hand',
          pros: 'You can check it right up to the moment.',
          cons: 'Someone has to open Sirius on the day.',
        },
      ]),
      resolution(
        {
          cause: 'Not a fault: a question about scheduling.',
          done: 'We sent the steps to schedule a post and compared it with publishing by hand.',
          remains: 'Nothing.',
          resolved: 'Yes.',
          prevention: 'Scheduled posts are listed under “Scheduled” in the list of posts.',
        },
        true,
      ),
    ]),
  },
  {
    title: 'Changing the theme colours',
    slug: 'change-the-theme-colour',
    language: 'en',
    kind: 'answer',
    isPublic: true,
    questions: ['q-theme-color'],
    verifiedVersion: '4.2.0',
    verifiedDaysAgo: 19,
    doc: documentOf([
      paragraph('The main and accent colours of a theme are set under Design.'),
      step('Open Design → Theme settings → Colours.', 'The fields for the main and accent colours appear.', {
        stepId: 'col-1',
        verified: v('4.2.0'),
      }),
      step('Enter #2E7D5B as the accent colour.', 'The buttons and headings in the preview change colour.', {
        stepId: 'col-2',
        verified: v('4.2.0'),
      }),
      step('Press Save and publish.', 'The live site shows the new colours.', {
        stepId: 'col-3',
        verified: v('4.2.0'),
      }),
      resolution(
        {
          cause: 'A question about where the colour settings are.',
          done: 'We sent the steps to change them.',
          remains: 'Nothing.',
          resolved: 'Yes.',
          prevention: 'Save brand colours in the colour palette to reuse them.',
        },
        true,
      ),
    ]),
  },
  {
    title: 'Adding a Google Analytics tag',
    slug: 'add-google-analytics',
    language: 'en',
    kind: 'answer',
    isPublic: true,
    questions: ['q-analytics'],
    verifiedVersion: '4.2.1',
    verifiedDaysAgo: 6,
    doc: documentOf([
      paragraph('You can measure visits by adding your Google Analytics measurement ID to Sirius.'),
      step(
        'In Google Analytics, open Admin → Data streams and copy the measurement ID (it starts with G-).',
        'The ID is copied to your clipboard.',
        { stepId: 'ga-1', verified: v('4.2.1') },
      ),
      step(
        'In Sirius, open SEO and analytics → Analytics tags, paste the ID and press Save.',
        'The tag shows as “Active”.',
        {
          stepId: 'ga-2',
          verified: v('4.2.1'),
        },
      ),
      step(
        'Open your site in a new window, then check Realtime in Google Analytics.',
        'You see one active user: yourself.',
        {
          stepId: 'ga-3',
          verified: v('4.2.1'),
        },
      ),
      resolution(
        {
          cause: 'This was a how-to question, not a fault.',
          done: 'We sent the steps to connect Google Analytics.',
          remains: 'Nothing.',
          resolved: 'Yes.',
          prevention: 'Keep the measurement ID in your notes in case you change themes.',
        },
        true,
      ),
    ]),
  },
  {
    title: 'Requests outside our support',
    slug: 'outside-the-support-scope',
    language: 'en',
    kind: 'decline',
    isPublic: false,
    questions: ['q-wordpress'],
    verifiedVersion: null,
    verifiedDaysAgo: null,
    doc: documentOf([
      paragraph('Thank you for asking. Moving a client’s site is a big piece of work to prepare.'),
      paragraph('Our support covers how to use Sirius and faults in it, so we cannot take on the following:'),
      bulletList([
        'moving sites from other products for customers',
        'support by screen share or remote control',
      ]),
      paragraph(
        'For building the pages in Sirius, we can send written steps and videos. For the move itself, a Sirius partner agency is the best place to ask.',
      ),
    ]),
  },
];
