/**
 * English: the messages every page needs (the layout, errors, the home and contest pages), which
 * every browser loads first. The other pages' are in parts loaded where they are needed (see
 * `messagePartsOf` in ./index.ts): entrant/, pages/ and staff/; the emails' are in emails/.
 * Every other locale falls back to these keys.
 */
export const en = {
  app: {
    name: "Mosaic",
    menu: "Menu",
    tagline: "Youth multimedia contests, run with care",
    skipToContent: "Skip to content",
    nav: {
      home: "Contests",
      signIn: "Sign in",
      signOut: "Sign out",
      me: "My page",
      mailbox: "Mailbox",
      entries: "My entries",
      profile: "Profile",
    },
    language: "Language",
    change: "Change",
    footer: "Mosaic is open-source software for youth multimedia contests.",
  },
  languages: { en: "English", fr: "Français", es: "Español", ar: "العربية" },
  home: {
    title: "Contests",
    none: "There are no open contests right now.",
    open: "Open for entries",
    view: "Read the call: {{title}}",
  },
  contest: {
    openJudging:
      "Judging is open: judges see the name you choose to publish with your work (never your email, age or country).",
    languagesLine: "Languages of this contest: {{list}}.",
    theme: "Theme",
    whoMayEnter: "Who may enter",
    age: "Aged {{min}} to {{max}} on the submission deadline.",
    ageMin: "Aged {{min}} or older on the submission deadline.",
    ageMax: "Aged {{max}} or younger on the submission deadline.",
    ageAny: "Open to all ages.",
    countriesAll: "From any country.",
    countriesSome: "From: {{countries}}.",
    entriesPerPerson_one: "Up to {{count}} entry per person.",
    entriesPerPerson_other: "Up to {{count}} entries per person.",
    categories: "Categories",
    accepts: "Accepts",
    maxSize: "Up to {{size}} per file",
    maxDuration: "Up to {{duration}} long",
    files_one: "{{count}} file",
    files_other: "Up to {{count}} files",
    needsAltText: "Describe each image in words (alt text), so everyone can experience it.",
    needsCaptions: "Add captions (WebVTT) or a transcript, so everyone can experience it.",
    timeline: "Timeline",
    opensAt: "Entries open",
    deadline: "Submission deadline",
    judging: "Judging",
    announcement: "Winners announced",
    localTime: "Shown in your time zone ({{zone}}).",
    contestTime: "Times in {{zone}}.",
    countdown: "Time left to enter",
    countdownValue: "{{days}} d {{hours}} h {{minutes}} min",
    closed: "Entries are closed.",
    notOpenYet: "Entries open on {{date}}.",
    enter: "Enter the contest",
    signInToEnter: "Sign in to enter",
    faq: "Questions and answers",
    rules: "Rules",
    organizer: "Organised by {{name}}",
    status: {
      draft: "Draft",
      open: "Open for entries",
      closed: "Closed",
      judging: "Judging",
      results_published: "Results published",
    },
    howWeRankLink: "How the works are judged and ranked",
  },
  media: {
    rejected: {
      empty: "The file is empty. Please choose the file again.",
      tooLarge:
        "The file is larger than this category allows ({{max, bytes}}). Please send a smaller or compressed version.",
      wrongType:
        "This file's content is not a format this category accepts, whatever its name says. Please export it in one of the listed formats.",
      corrupt:
        "The file seems damaged or incomplete, so it cannot be opened. Please export it again and upload it once more.",
      tooManyPixels:
        "The image is too large in pixels (over {{megapixels}} megapixels). Please resize it and upload it again.",
      tooLong:
        "The recording is longer than this category allows ({{max}} minutes; yours is {{seconds}} seconds). Please shorten it.",
      notAsDeclared:
        "The file that arrived is not the size of the file you chose, so it was not kept. Please upload it again.",
      frameTooLarge:
        "The video's picture is larger than 8K (over {{megapixels}} megapixels). Please export it at a smaller size.",
      cannotPrepare:
        "Your file passed its checks, but we could not prepare it for judges and visitors to play. Please export it again (MP4 with H.264 works everywhere) and upload it once more.",
    },
    "video/mp4": "MP4 video",
    "video/webm": "WebM video",
    "video/quicktime": "QuickTime video",
    "image/jpeg": "JPEG image",
    "image/png": "PNG image",
    "image/webp": "WebP image",
    "application/pdf": "PDF document",
    "audio/mpeg": "MP3 audio",
    "audio/wav": "WAV audio",
    "audio/ogg": "Ogg audio",
    "audio/mp4": "M4A audio",
  },
  units: {
    minutes_one: "{{count}} minute",
    minutes_other: "{{count}} minutes",
    seconds_other: "{{count}} seconds",
    seconds_one: "{{count}} second",
  },
  errors: {
    summary_one: "One thing to put right:",
    summary_other: "{{count}} things to put right:",
    fieldProblem: "{{field}}: {{problem}}",
    tooLong: "Too long: at most {{max}} characters.",
    tooShort: "Too short: at least {{min}} characters.",
    tooMany: "Too many: at most {{max}}.",
    tooFew: "Too few: at least {{min}}.",
    tooHigh: "Too high: at most {{max}}.",
    tooLow: "Too low: at least {{min}}.",
    invalid: "This value is not valid.",
    dateInvalid: "Enter a real date.",
    acceptTerms: "Please accept the terms to continue.",
    crossSite: "Refused: this request did not come from Mosaic’s own pages.",
    required: "This field is required.",
    emailInvalid: "Enter an email address like name@example.org.",
    codeFormat: "Enter the 6 digits from the email.",
    codeWrong_one: "That code is not right. You have {{count}} try left.",
    codeWrong_other: "That code is not right. You have {{count}} tries left.",
    codeExpired: "That code has expired or was already used. Ask for a new one.",
    codeTooManyTries: "Too many wrong tries. Ask for a new code.",
    linkInvalid: "That sign-in link has expired or was already used. Ask for a new code.",
    rateLimited: "Too many requests. Please wait {{minutes}} minutes and try again.",
    emailFailed: "We could not send the email. Please try again in a minute.",
    notFoundTitle: "Page not found",
    notFound: "We could not find that page. It may have moved, or the link may be incomplete.",
    forbiddenTitle: "Not allowed",
    forbidden: "You do not have access to this page.",
    badRequestTitle: "Something is wrong with the request",
    badRequest: "Please go back and try again.",
    serverTitle: "Something went wrong",
    server: "Something went wrong on our side. Please try again; what you entered is saved.",
    backHome: "Back to the contests",
    codeTooManyToday: "Too many codes were tried for this address today. Use the link in the email instead.",
    rateLimitedAddress:
      "Codes were sent to this address a short while ago. Use the link in the newest email, or wait {{minutes}} minutes and ask again.",
  },
};

export type Messages = typeof en;

/** Another locale's messages of a part (these, staff/, emails/): any message it lacks falls back to English. */
export type PartialOf<M> = { [K in keyof M]?: DeepPartial<M[K]> };
export type PartialMessages = PartialOf<Messages>;
type DeepPartial<T> = T extends string
  ? string
  : { [K in keyof T | PluralKeys<T>]?: K extends keyof T ? DeepPartial<T[K]> : string };
/**
 * The plural forms a language may give a counted message (`x_one`/`x_other` in English):
 * Mosaic picks one with `Intl.PluralRules` (i18n/translate.ts), and Arabic, for one, uses all six.
 */
type PluralKeys<T> = {
  [K in keyof T]: K extends `${infer Base}_other`
    ? `${Base}_${"zero" | "one" | "two" | "few" | "many" | "other"}`
    : never;
}[keyof T];
