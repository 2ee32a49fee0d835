/**
 * English: the messages of the pages of visitors, entrants and guardians other than the home,
 * contest and entry pages. Every other locale falls back to these keys.
 */
export const en = {
  signIn: {
    title: "Sign in",
    intro:
      "Type your email address. We will send you a 6-digit code and a link; either signs you in. No password needed.",
    email: "Email address",
    emailHint: "The address where you want to hear about your entries.",
    send: "Send me a code",
    sending: "Sending…",
    checkTitle: "Check your email",
    checkIntro: "If {{email}} can sign in, a 6-digit code is on its way. It works for 10 minutes.",
    code: "6-digit code",
    codeHint: "Digits only, from the email we sent.",
    verify: "Sign in",
    verifying: "Signing in…",
    otherAddress: "Use another address",
    resend: "Send a new code",
    linkTitle: "Finish signing in",
    linkIntro: "Press the button to sign in on this device.",
    linkContinue: "Sign in",
    signedOut: "You are signed out.",
  },
  me: {
    judge: "Judge {{contest}}",
    title: "My page",
    welcome: "Welcome to Mosaic",
    signedInAs: "You are signed in as {{email}}.",
    role: "Your role: {{role}}",
    roles: { entrant: "Entrant", organizer: "Organizer", admin: "Administrator" },
    next: "Next: read a contest's call and prepare your entry.",
  },
  profile: {
    title: "Your profile",
    intro:
      "We need a few details to check that you may enter. Only you and the organizers see them, except the name you choose to publish.",
    fullName: "Full name",
    fullNameHint: "As on an official document; kept private.",
    displayName: "Name to publish",
    displayNameHint: "Shown with your work if it wins. It can be a first name or a pen name.",
    dateOfBirth: "Date of birth",
    dateOfBirthHint: "Used only to check the contest's age range.",
    country: "Country of residence",
    publishCountry: "If my work wins, show my country with my published name.",
    chooseCountry: "Choose a country",
    language: "Language for emails and pages",
    terms: "I have read and accept the terms and the privacy notice (version {{version}}).",
    termsLink: "Read the terms and privacy notice",
    save: "Save my profile",
    saved: "Your profile is saved.",
    newTerms: "The terms have changed. Please read them and accept the new version to continue.",
  },
  terms: {
    title: "Terms and privacy notice",
    version: "Version {{version}}",
    body: "## What we collect\n\nYour email address, your profile (full name, name to publish, date of birth, country, language), the terms you accepted, and your entries with their files, declarations, co-creators, releases and, for an entrant under the contest's age of consent, the name and email of the parent or guardian who consents.\n\n## Why\n\nTo check that you may enter, to run the judging, to tell you the results and, if you win, to show your work with the name you chose to publish.\n\n## Who sees it\n\nThe organizers of the contests you enter. Judges see your work and your statement. They never see your email, age or country, and never your name, unless a contest says before you enter that its judging is open: then they see the name you chose to publish. A parent or guardian asked for consent sees the entry. If you win, everyone sees your work in the gallery with the name you chose to publish, and your country only if you agreed.\n\n## How long we keep it\n\n- Entries that win nothing: their files, texts, co-creators, releases and consents are deleted when the contest's retention period after its results ends (12 months unless the contest's entry form says otherwise). What remains is anonymous: category, status and scores, for the contest's statistics.\n- Winning entries stay in the gallery as published.\n- Sign-in codes are deleted a day after they were used or expired; sessions end after 14 days without use or 30 days in all; the contents of the emails we send you are deleted 30 days after sending.\n- Your account and profile stay until you delete them.\n\n## Your rights\n\n- **See and download your data**: the \"My data\" page gives you everything we hold about you as one ZIP file, with your files.\n- **Correct it**: change your profile at any time, and your entry until the deadline.\n- **Withdraw** an entry until the deadline.\n- **Delete your account** on the \"My data\" page, or ask the organizers to do it. Your profile, drafts and files are deleted, and entries in contests whose judging has not started are withdrawn and deleted. An entry that judging has already used keeps only its reference, category, scores and any award, without your name, texts or files, and leaves the gallery, so that the other entrants' results stay right.\n- **A parent or guardian** can withdraw their consent from the link in their email: the work leaves the gallery, and the contest if judging has not started.",
  },
  guardianPage: {
    consentGiven: "You gave your consent for this entry. You can take it back at any time.",
    withdrawText:
      "If you withdraw your consent, the work leaves the winners' gallery, and leaves the contest if judging has not started. The entrant is told by email.",
    withdraw: "Withdraw my consent",
    title: "Consent for an entry",
    heading: "{{entrant}}’s entry",
    intro:
      "Hello {{guardian}}. {{entrant}} wants to enter this work in {{contest}} and named you as their parent or guardian. Please look at it, then tell us whether you consent.",
    decide: "Your answer",
    consentText:
      "I am the parent or legal guardian of {{entrant}}. I consent to them entering this work in {{contest}}, to the organizers keeping their details as the privacy notice says, and to the work being shown with their published name if it wins.",
    consent: "I consent",
    refuse: "I do not consent",
    thanks: {
      withdrawn: "Your consent is withdrawn. The work has left the contest, and the entrant has been told.",
      withdrawnAfterJudging:
        "Your consent is withdrawn. The work will not be shown in the gallery; its scores stay in the results, without it being shown. The entrant has been told.",
      consented: "Thank you. Your consent is recorded, and the entry can now be submitted.",
      refused: "Thank you. Your answer is recorded; the entry cannot be submitted without your consent.",
    },
    alreadyAnswered:
      "This request has already been answered. If you want to change your answer, ask for a new request.",
    expired: "This link has expired. Ask for a new request to be sent.",
    unknown: "This link is not valid. Check that you copied all of it from the email.",
    changed: "The entry changed while you were looking at it. Please look at it again below before answering.",
    notReady:
      "A file of this entry is still being prepared so that you can see it. Please come back in a few minutes: this link still works.",
  },
  organize: {
    votes: "People's choice",
    feedback: "Feedback",
    title: "Organize",
    dashboard: "Dashboard",
    entries: "Entries",
    sections: "Sections of this contest",
    sectionsMenu: "Sections",
    screening: "Screening",
    judges: "Judges and assignment",
    rubric: "Rubric",
    final: "Final round",
    results: "Results",
    messages: "Messages",
    audit: "Audit",
    settings: "Settings",
    entrants: "Entrants",
  },
  entryList: {
    title: "Entries",
    search: "Search (reference, title, name or email)",
    status: "Status",
    any: "any",
    apply: "Apply",
    entrant: "Entrant",
    submitted: "Submitted",
    found_one: "{{count}} entry found",
    found_other: "{{count}} entries found",
  },
  gallery: {
    cardDescription: "by {{name}} — {{place}}, {{category}}, {{contest}}",
    backTo: "Back to the winners of {{contest}}",
    title: "Winners",
    notYet: "The results will be announced {{date}}.",
    none: "No winning works are shown yet.",
    contentWarning: "This work may show graphic content or injuries. Show it.",
  },
  howWeRank: {
    title: "How we rank the works",
    intro:
      "Every work is judged the same way, and the prizes should not depend on which judges a work happened to get. This is how.",
    whoTitle: "Who judges, and what they see",
    blind: "Judging is blind: judges never see who made a work — no name, no email address.",
    noCountry: "Judges never see an entrant's country either.",
    open: "Judges see the name each entrant chose to publish; never an email address.",
    judgesPerWork_one: "{{count}} judge reads and scores each work.",
    judgesPerWork_other: "{{count}} judges read and score each work, each on their own.",
    conflicts:
      "Judges declare their conflicts of interest first, and never judge a work by someone they know or an organisation they are part of.",
    conflictsCountry:
      "Judges declare their conflicts of interest first, and never judge a work by someone they know, an organisation they are part of, or someone from their own country.",
    rubricTitle: "What the judges look at",
    rubric:
      "Each judge gives each criterion one of its levels, each described in words. The levels are weighted into one score from 0 to 100:",
    rankingTitle: "From scores to a ranking",
    method: {
      raw: "The works are ranked on the mean of their judges' scores.",
      zscore:
        "Some judges are strict and some generous. Before the mean is taken, each judge's scores are put on a common scale: how far above or below that judge's own average each score is. A strict judge's high mark then counts as much as a generous judge's.",
      calibrated:
        "Some judges are strict and some generous, some steadier than others, and some happen to read a stronger set of works. A statistical model looks at every score of the round at once and estimates each work's quality together with each judge's strictness and consistency. A work does not lose out because it drew strict judges, and a steady judge's score counts a little more than an erratic one's.",
    },
    close:
      "Every score comes with its margin of uncertainty. Where two works on either side of a prize cannot be told apart, the organizers see it and can ask one more judge to read them before deciding.",
    short:
      "The organizers also see how far the judges agreed with one another, on each category and each criterion, and which works have fewer judges than planned.",
    finalTitle: "The final round",
    pairwise:
      "If the organizers hold a final round, the shortlisted works are compared two at a time: a judge sees two works of the same category side by side and picks the stronger on the rubric's terms. From all these choices a statistical model (Bradley–Terry) orders the works. Judges keep comparing until the order is reliable enough (a reliability of {{target}}) or the round closes.",
    finalScores:
      "If the organizers hold a final round, every judge without a conflict scores every shortlisted work against the same rubric, and the works are ranked the same way.",
    awardsTitle: "Who decides the prizes",
    awards:
      "The organizers award the prizes with these results in hand. The method is set before judging begins and cannot change once any judge has scored.",
  },
  vote: {
    opens: "The people's choice opens {{date}}.",
    title: "People's choice",
    intro:
      "Vote for your favourite work in {{category}}: one vote per person in each category. The vote closes {{date}}; counts stay hidden until then.",
    cast: "Vote for “{{title}}”",
    signIn: "Sign in with your email to vote",
    why: "Signing in with a code sent to your email makes sure each person votes once. Your email is never shown, and you can delete your account at any time.",
    votedThis: "You voted for this work in {{category}}. Thank you!",
    votedOther: "You voted for “{{title}}” in {{category}}.",
    already: "You have already voted in this category: your first vote stands.",
    rateLimited: "Too many votes came from your network in the last hour. Please try again later.",
    closed: "The people's choice is not open.",
    count_one: "{{count}} vote",
    count_other: "{{count}} votes",
    chosen: "The people's choice in {{category}}.",
    galleryOpen: "The people's choice is open until {{date}}: open a work to vote for it.",
    apart: "Chosen by visitors' votes, apart from the jury's awards.",
  },
  mailbox: {
    title: "Development mailbox",
    intro: "Without a Resend key, Mosaic delivers email here instead. This page exists only in development.",
    empty: "No email yet.",
    to: "To",
    subject: "Subject",
    sent: "Sent",
    refresh: "Refresh",
  },
  account: {
    title: "My data",
    downloadTitle: "Download my data",
    downloadIntro:
      "One ZIP file with everything Mosaic holds about you: your profile, the terms you accepted, your entries with their texts, declarations, co-creators, releases and guardian consents, the emails we sent you, and your files. Open data.json in any text editor; README.txt explains the rest.",
    download: "Download my data (ZIP)",
    deleteTitle: "Delete my account",
    deleteIntro:
      "Deleting your account deletes your profile, your drafts, your files and your entries, and signs you out everywhere. You will see what happens to each entry before you confirm.",
    deleteStart: "Delete my account…",
    deleteWhat:
      "This deletes your profile, your email address, your files and the emails we sent you. It cannot be undone.",
    entryDeleted: "“{{title}}” ({{contest}}): deleted, with its files.",
    entryKept:
      "“{{title}}” ({{contest}}): judging has already used it, so its reference, category, scores and any award stay, without your name, texts or files, and it leaves the gallery.",
    keptWhy:
      "A contest's results depend on the scores of every entry judged, so those stay, anonymous: nothing in them leads back to you.",
    downloadFirst: "You may want to download your data first.",
    confirm: "I understand that my account and my data will be deleted and cannot be recovered.",
    confirmNeeded: "Tick the box to confirm.",
    lastAdmin: "You are the only administrator: make someone else an administrator on the people page first.",
    deleteNow: "Delete my account now",
    keep: "Keep my account",
    deletedTitle: "Your account was deleted",
    deletedText:
      "Your account, your profile, your files and your entries were deleted, and you were signed out. Thank you for taking part.",
    home: "Back to the home page",
  },
  myData: {
    readme:
      "Your data from Mosaic, {{date}}\n\ndata.json holds everything Mosaic keeps about you, as text you can open in any editor:\n- account: your email address, profile and language\n- termsAccepted: the versions of the terms and privacy notice you accepted\n- signedInSessions: when you signed in\n- entries: each entry with its texts, declarations, co-creators, releases, guardian consents, screening decisions, award (once results are public) and the list of its files, each with its fingerprint (sha256), which shows whether a copy is the same file\n- judging: if you judged, your declarations and score sheets\n- emailsSentToYou: the emails we sent you (contents are kept 30 days after sending)\n\nThe files folder holds your files as others see them: images without their hidden metadata (location, camera).\n\nJudges' and organizers' identities and other people's entries are not included.\nYou can delete your account on the My data page.\n",
    fingerprintPending: "being computed: download your data again in a few minutes to have it",
  },
};

export type PageMessages = typeof en;
